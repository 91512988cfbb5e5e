package corpus

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// jsonValue is one field of a JSON article record: a string, or a number
// (kept as written; epoch times and numeric ids are common), or null.
// Anything else is remembered as a type error.
type jsonValue struct {
	s   string
	bad string // the JSON type when it is not a string, number or null
}

func (v *jsonValue) UnmarshalJSON(b []byte) error {
	switch b[0] {
	case '"':
		return json.Unmarshal(b, &v.s)
	case 'n':
	case '{':
		v.bad = "an object"
	case '[':
		v.bad = "an array"
	case 't', 'f':
		v.bad = "a boolean"
	default:
		v.s = string(b)
		v.bad = "number"
	}
	return nil
}

// jsonRecord is a JSON article record: its text, and the value given for
// each of articleFields by its key and by an alias.
type jsonRecord struct {
	text      jsonValue
	key       [len(articleFields)]jsonValue
	alias     [len(articleFields)]jsonValue
	aliasName [len(articleFields)]string // the alias that gave alias[i], if any
}

// set stores the value of the record's member name; false when name is
// neither "text" nor a field's key or alias.
func (r *jsonRecord) set(name string, v jsonValue) bool {
	if name == "text" {
		r.text = v
		return true
	}
	n, ok := fieldNames[name]
	switch {
	case !ok:
		return false
	case n.alias:
		r.alias[n.field], r.aliasName[n.field] = v, name
	default:
		r.key[n.field] = v
	}
	return true
}

// decodeRecord decodes one JSON object through encoding/json, matching
// member names to fields regardless of case as encoding/json matches
// struct fields; an exact name wins over another case of it.
func decodeRecord(raw []byte) (jsonRecord, error) {
	var rec jsonRecord
	var obj map[string]jsonValue
	if err := json.Unmarshal(raw, &obj); err != nil {
		return rec, err
	}
	names := make([]string, 0, len(obj))
	for name := range obj {
		names = append(names, name)
	}
	sort.Strings(names)
	var exact []string
	for _, name := range names {
		if rec.set(name, jsonValue{}) {
			exact = append(exact, name)
			continue
		}
		for known := range fieldNames {
			if strings.EqualFold(name, known) {
				rec.set(known, obj[name])
			}
		}
		if strings.EqualFold(name, "text") {
			rec.set("text", obj[name])
		}
	}
	for _, name := range exact {
		rec.set(name, obj[name])
	}
	return rec, nil
}

// readJSON reads a JSON document (an array of article objects, one object,
// or objects one after another) or JSONL (one object per line).
func (r *Reader) readJSON(source string, data []byte, format Format, over *fields) ([]Article, []Warning) {
	var notes []Warning
	if !utf8.Valid(data) || bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}) {
		text, ns, err := decodeText(data)
		if err != nil {
			return nil, []Warning{{File: source, Reason: err.Error()}}
		}
		for _, n := range ns {
			notes = append(notes, Warning{File: source, Reason: n})
		}
		data = []byte(text)
	} else if i := bytes.IndexByte(data, 0); i >= 0 {
		return nil, []Warning{{File: source, Reason: fmt.Sprintf("%v: NUL byte at offset %d (binary data)", errNotText, i)}}
	}
	// A manifest entry for a JSON file (over) applies to each record.
	var arts []Article
	var ws []Warning
	if format == FormatJSONL {
		arts, ws = r.readJSONLines(source, &byteLines{data: data, max: r.maxLine()}, over)
	} else {
		arts, ws = r.readJSONDocument(source, data, over)
	}
	ws = append(notes, ws...)
	if len(arts) == 0 && len(ws) == 0 {
		ws = append(ws, Warning{File: source, Reason: "no article records"})
	}
	return Dedupe(arts, ws)
}

// ReadJSONL reads JSON Lines from rd: one article object per line, blank
// lines skipped. A line that is not a JSON object, or is longer than the
// article limit allows, draws a warning with its line number and the other
// lines still load. Articles' Source is "name:line"; a record without an
// id gets "BASE-LINE" from name's base.
func (r *Reader) ReadJSONL(name string, rd io.Reader) ([]Article, []Warning) {
	return r.readJSONL(name, rd, nil)
}

// readJSONL is ReadJSONL with manifest fields applied to every record.
func (r *Reader) readJSONL(name string, rd io.Reader, over *fields) ([]Article, []Warning) {
	return r.readJSONLines(name, &readerLines{br: bufio.NewReaderSize(rd, 64<<10), max: r.maxLine()}, over)
}

// maxLine is the longest JSONL line read: room for an article of the
// limit, escaped, and its other fields.
func (r *Reader) maxLine() int { return 2*r.maxArticle() + 64<<10 }

// jsonLines yields the lines of a JSONL input one at a time.
type jsonLines interface {
	// next returns the next line without its "\n"; tooLong when it is
	// over the limit (line is then empty); owned when line stays valid
	// after the following call; err (io.EOF at the end) after the last
	// line, which may come with it.
	next() (line []byte, tooLong, owned bool, err error)
}

// byteLines cuts lines from an input already in memory, without copying.
type byteLines struct {
	data []byte
	max  int
}

func (b *byteLines) next() ([]byte, bool, bool, error) {
	if len(b.data) == 0 {
		return nil, false, true, io.EOF
	}
	line := b.data
	var err error
	if i := bytes.IndexByte(b.data, '\n'); i >= 0 {
		line, b.data = b.data[:i+1], b.data[i+1:]
	} else {
		b.data = nil
		err = io.EOF
	}
	if len(line) > b.max {
		return nil, true, true, err
	}
	return line, false, true, err
}

// readerLines reads lines from a stream into one reused buffer.
type readerLines struct {
	br  *bufio.Reader
	max int
	buf []byte
	// With strict set, the first byte-order mark, byte that is not UTF-8,
	// NUL byte, read error, or byte past limit in all stops the reading
	// (next reports io.EOF) and sets bad: the input needs Read's handling
	// of the whole.
	strict bool
	limit  int64
	total  int64
	bad    bool
}

func (l *readerLines) next() ([]byte, bool, bool, error) {
	l.buf = l.buf[:0]
	tooLong := false
	for {
		chunk, err := l.br.ReadSlice('\n')
		if l.strict {
			if (l.total == 0 && bytes.HasPrefix(chunk, []byte{0xEF, 0xBB, 0xBF})) || !utf8.Valid(chunk) || bytes.IndexByte(chunk, 0) >= 0 ||
				(err != nil && err != io.EOF && err != bufio.ErrBufferFull) || l.total+int64(len(chunk)) > l.limit {
				l.bad = true
				return nil, false, false, io.EOF
			}
			l.total += int64(len(chunk))
		}
		if !tooLong {
			if len(l.buf)+len(chunk) > l.max {
				tooLong = true
				l.buf = l.buf[:0]
			} else {
				l.buf = append(l.buf, chunk...)
			}
		}
		if err != bufio.ErrBufferFull {
			return l.buf, tooLong, false, err
		}
	}
}

// ReadJSONLFile reads a JSONL input named name from rd as Read reads the
// same bytes, but a line at a time, so that the whole input is never held
// at once. It returns ok false, and nothing else, when the input needs
// what Read does with an input as a whole: when name is not a JSONL name,
// the input is empty, over the size limit, starts with a byte-order mark,
// holds bytes that are not UTF-8 or a NUL byte, or cannot be read, and
// whenever r has a Cache. The caller then reads it whole and calls Read.
func (r *Reader) ReadJSONLFile(name string, rd io.Reader) (arts []Article, ws []Warning, ok bool) {
	if r.Cache != nil || formatByExt[strings.ToLower(path.Ext(name))] != FormatJSONL {
		return nil, nil, false
	}
	lines := &readerLines{br: bufio.NewReaderSize(rd, 64<<10), max: r.maxLine(), strict: true, limit: r.maxFile()}
	arts, ws = r.readJSONLines(name, lines, nil)
	if lines.bad || lines.total == 0 {
		return nil, nil, false
	}
	if len(arts) == 0 && len(ws) == 0 {
		ws = append(ws, Warning{File: name, Reason: "no article records"})
	}
	arts, ws = Dedupe(arts, ws)
	return arts, ws, true
}

// readJSONLines reads the records of a JSONL input line by line.
func (r *Reader) readJSONLines(name string, lines jsonLines, over *fields) ([]Article, []Warning) {
	maxLine := r.maxLine()
	var arts []Article
	var ws []Warning
	// Records are read in batches, each batch turned into articles by up to
	// Workers goroutines and appended in line order.
	type record struct {
		line int
		raw  []byte
		arts []Article
		ws   []Warning
	}
	const batchBytes = 4 << 20
	single := r.workers() <= 1
	var batch []*record
	size := 0
	flush := func() {
		parallel(r.workers(), len(batch), func(i int) {
			rec := batch[i]
			if rec.raw != nil {
				rec.arts, rec.ws = r.readRecord(name, rec.line, rec.raw, over)
			}
		})
		for _, rec := range batch {
			arts = append(arts, rec.arts...)
			ws = append(ws, rec.ws...)
		}
		batch, size = batch[:0], 0
	}
	for line := 1; ; line++ {
		buf, tooLong, owned, err := lines.next()
		if err != nil && err != io.EOF {
			batch = append(batch, &record{line: line, ws: []Warning{{File: name, Line: line, Reason: fmt.Sprintf("read: %v", err)}}})
			break
		}
		switch {
		case tooLong:
			// Kept in the batch (empty in single mode) so that warnings stay
			// in line order.
			batch = append(batch, &record{line: line, ws: []Warning{{File: name, Line: line, Reason: fmt.Sprintf("line is over %d bytes; skipped", maxLine)}}})
			if single {
				flush()
			}
		case len(bytes.TrimSpace(buf)) > 0:
			raw := buf
			if line == 1 {
				raw = bytes.TrimPrefix(raw, []byte{0xEF, 0xBB, 0xBF})
			}
			raw = bytes.TrimRight(raw, "\r\n")
			if single {
				// One worker: read the record now, from the line buffer.
				a, w := r.readRecord(name, line, raw, over)
				arts = append(arts, a...)
				ws = append(ws, w...)
				break
			}
			if !owned {
				raw = bytes.Clone(raw)
			}
			batch = append(batch, &record{line: line, raw: raw})
			size += len(raw)
		}
		if size >= batchBytes {
			flush()
		}
		if err == io.EOF {
			break
		}
	}
	flush()
	return Dedupe(arts, ws)
}

// parallel calls f(0) … f(n-1) on up to workers goroutines and returns when
// all are done.
func parallel(workers, n int, f func(i int)) {
	workers = min(workers, n)
	if workers <= 1 {
		for i := range n {
			f(i)
		}
		return
	}
	var wg sync.WaitGroup
	next := make(chan int)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				f(i)
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}

// readJSONDocument reads a JSON array of objects, a single object or a
// sequence of objects.
func (r *Reader) readJSONDocument(source string, data []byte, over *fields) ([]Article, []Warning) {
	dec := json.NewDecoder(bytes.NewReader(data))
	lineAt := newLineIndex(data)
	var arts []Article
	var ws []Warning
	tok, err := dec.Token()
	if err != nil {
		return nil, []Warning{{File: source, Line: lineAt(int(dec.InputOffset())), Reason: fmt.Sprintf("not JSON: %v", jsonReason(err))}}
	}
	array := tok == json.Delim('[')
	if !array {
		// Not an array: read objects one after another from the start.
		dec = json.NewDecoder(bytes.NewReader(data))
	}
	for dec.More() {
		start := int(dec.InputOffset())
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			ws = append(ws, Warning{File: source, Line: lineAt(int(dec.InputOffset())), Reason: fmt.Sprintf("not JSON: %v", jsonReason(err))})
			return arts, ws
		}
		// InputOffset before Decode may point at the separator before the
		// value; the value's own first byte gives its line.
		start += bytes.IndexAny(data[start:], "{[\"0123456789-tfn")
		a, w := r.readRecord(source, lineAt(start), raw, over)
		arts = append(arts, a...)
		ws = append(ws, w...)
	}
	if array {
		if _, err := dec.Token(); err != nil {
			ws = append(ws, Warning{File: source, Line: lineAt(int(dec.InputOffset())), Reason: fmt.Sprintf("array not closed: %v", jsonReason(err))})
		}
	}
	return arts, ws
}

func jsonReason(err error) string {
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return "unexpected end of input"
	}
	return err.Error()
}

// newLineIndex returns a function giving the 1-based line of a byte offset.
func newLineIndex(data []byte) func(int) int {
	var starts []int
	for i, c := range data {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return func(off int) int {
		lo, hi := 0, len(starts)
		for lo < hi {
			m := (lo + hi) / 2
			if starts[m] <= off {
				lo = m + 1
			} else {
				hi = m
			}
		}
		return lo + 1
	}
}

// readRecord turns one JSON object into an article.
func (r *Reader) readRecord(name string, line int, raw []byte, over *fields) ([]Article, []Warning) {
	source := fmt.Sprintf("%s:%d", name, line)
	rec, ok := scanFlatRecord(raw)
	if !ok {
		var err error
		if rec, err = decodeRecord(raw); err != nil {
			var te *json.UnmarshalTypeError
			reason := fmt.Sprintf("not a JSON object: %v", jsonReason(err))
			if errors.As(err, &te) && te.Field == "" {
				reason = fmt.Sprintf("record is a JSON %s, want an object", te.Value)
			}
			return nil, []Warning{{File: name, Line: line, Reason: reason}}
		}
	}
	var notes []string
	get := func(key string, v jsonValue, numberOK bool) string {
		switch {
		case v.bad == "number" && numberOK:
			return v.s
		case v.bad == "number":
			notes = append(notes, fmt.Sprintf("field %q is a number, want a string; ignored", key))
			return ""
		case v.bad != "":
			notes = append(notes, fmt.Sprintf("field %q is %s, want a string; ignored", key, v.bad))
			return ""
		}
		s, repaired := jsonString(v.s)
		if repaired > 0 {
			notes = append(notes, fmt.Sprintf("field %q: repaired %d mojibake sequence(s) (UTF-8 read as a single-byte encoding)", key, repaired))
		}
		return s
	}
	var f fields
	for i, af := range articleFields {
		v := get(af.key, rec.key[i], af.number)
		if v == "" && rec.aliasName[i] != "" {
			v = get(rec.aliasName[i], rec.alias[i], af.number)
		}
		*f.at(i) = v
	}
	text := get("text", rec.text, false)
	f = f.overlay(over)
	if f.ID == "" {
		f.ID = fmt.Sprintf("%s-%d", defaultID(name), line)
	}
	d := &draft{r: r, f: f, source: source, warnings: notes}
	text, cut := truncateText(text, r.maxArticle())
	if cut > 0 {
		d.warn("text is %d bytes, over the limit of %d; the rest was dropped", cut, r.maxArticle())
	}
	if strings.TrimSpace(text) == "" {
		reason := "record has no text; skipped"
		if len(notes) > 0 {
			reason = strings.Join(notes, "; ") + "; record has no text; skipped"
		}
		return nil, []Warning{{File: name, Line: line, Reason: reason}}
	}
	d.build(strings.Split(text, "\n"), modeBlank)
	if len(d.paras) == 0 {
		return nil, []Warning{{File: name, Line: line, Reason: "record's text is all boilerplate; skipped"}}
	}
	return []Article{d.finish()}, nil
}

// jsonString normalises a decoded JSON string: mojibake repaired, NFC. It
// returns the number of repairs.
func jsonString(s string) (string, int) {
	if s == "" {
		return s, 0
	}
	fixed, n := repairMojibake(s)
	if !norm.NFC.IsNormalString(fixed) {
		fixed = norm.NFC.String(fixed)
	}
	return fixed, n
}
