package html

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"html/template"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/framediff/framediff/framing"
	"github.com/klauspost/compress/gzip"
)

// A large report carries its articles as data rather than as markup: each
// text once, its paragraphs, sentences and hits as offsets into it. Its
// events are listed in the overview, and each event's section (the
// markup a small report writes, without the articles) travels with its
// articles' data. The data is cut into chunks of a few dozen articles,
// each gzipped JSON in base64 in its own script element; the page's script
// unpacks a chunk when the reader opens one of its events or follows a link
// into it, and all of them only to search the text or list a term's hits.
// So opening the page parses a few thousand elements and some inert text,
// whatever the size of the corpus. Keys are short because they repeat.
//
// Offsets count UTF-16 code units, as the script's strings do.

// chunkArticles is about how many articles a chunk holds: an event's
// articles stay together, so a chunk may hold more.
const chunkArticles = 48

// pageIndex is what the script needs before it unpacks any chunk.
type pageIndex struct {
	// Outlets are the outlets' names and blind labels, by index.
	Outlets [][2]string `json:"o"`
	// Rows are the marks' classes of the terms table's rows, by index;
	// RowAxis their axes.
	Rows    []string `json:"r"`
	RowAxis []int    `json:"ra"`
	// RowHits are, per row, the outlets that used the term and how often,
	// two numbers each, for the lists of hits in context.
	RowHits [][]int `json:"rh"`
	// Marked counts the marked hits per axis, in the outlets' own words
	// and inside quotations, for the filters' status line.
	Marked [][2]int `json:"n"`
	// ArticleEvent is each article's event (-1 for none); ArticleChunk
	// its chunk; EventChunk each event's chunk.
	ArticleEvent []int `json:"ae"`
	ArticleChunk []int `json:"ac"`
	EventChunk   []int `json:"ec"`
	// Events are each event's name, dates, and counts of articles and
	// outlets, for the overview's list.
	Events [][4]any `json:"ev"`
	// Chunks counts the chunks.
	Chunks int `json:"c"`
}

// chunkData is one chunk: articles by index, and events' sections.
type chunkData struct {
	Articles []int         `json:"i"`
	Data     []articleData `json:"a"`
	Events   []int         `json:"e"`
	Sections []string      `json:"m"`
}

type articleData struct {
	Outlet  int    `json:"o"`
	Title   string `json:"t,omitempty"`
	Author  string `json:"au,omitempty"`
	Date    string `json:"d,omitempty"`
	URL     string `json:"u,omitempty"`
	RawURL  string `json:"ru,omitempty"`
	Primary int    `json:"p,omitempty"`
	Words   int    `json:"w"`
	Text    string `json:"x"`
	// Paras are the paragraphs, each a run of segments as from, to and the
	// sentence the segment anchors (-1 for none).
	Paras [][]int `json:"b"`
	// Sentences are the sentences' bounds, two numbers each.
	Sentences []int `json:"s"`
	// Hits are the framing hits in text order, seven numbers each: start,
	// end, row of the terms table, flags (hitQuoted, hitDistanced,
	// hitHidden), sentence, and the start and end of the hit's context
	// (framing.ContextOf).
	Hits []int `json:"h"`
}

// Flags of a hit in articleData.Hits.
const (
	hitQuoted    = 1 // inside a quotation
	hitDistanced = 2 // scare-quoted or "so-called"
	hitHidden    = 4 // overlaps an earlier, longer hit, so it is not marked
)

// buildData fills the data of a large report, once the terms table's rows
// are numbered.
func (b *builder) buildData() error {
	ix := &pageIndex{
		Rows:         make([]string, len(b.p.Terms)),
		RowAxis:      make([]int, len(b.p.Terms)),
		RowHits:      make([][]int, 0, len(b.p.Terms)),
		Marked:       make([][2]int, len(b.p.Axes)),
		ArticleEvent: make([]int, len(b.views)),
		ArticleChunk: make([]int, len(b.views)),
		EventChunk:   make([]int, len(b.p.Events)),
	}
	for _, o := range b.p.Outlets {
		ix.Outlets = append(ix.Outlets, [2]string{o.Name, o.Label})
	}
	for i, r := range b.p.Terms {
		ix.Rows[i], ix.RowAxis[i] = r.Pole.Mark, r.Pole.Axis.Idx
		hits := make([]int, 0, 2*len(r.Hits))
		for _, th := range r.Hits {
			hits = append(hits, th.Outlet.Idx, th.N)
		}
		ix.RowHits = append(ix.RowHits, hits)
	}
	byIdx := make([]*articleView, len(b.views))
	for _, v := range b.views {
		byIdx[v.Idx] = v
	}
	var chunks []*chunkData
	cur := &chunkData{}
	flush := func() {
		if len(cur.Articles) > 0 || len(cur.Events) > 0 {
			chunks = append(chunks, cur)
			cur = &chunkData{}
		}
	}
	var units []int
	addArticle := func(v *articleView, event int) {
		ix.ArticleEvent[v.Idx], ix.ArticleChunk[v.Idx] = event, len(chunks)
		var ad articleData
		ad, units = b.articleData(v, units, ix.Marked)
		cur.Articles = append(cur.Articles, v.Idx)
		cur.Data = append(cur.Data, ad)
	}
	for _, ev := range b.p.Events {
		var sec bytes.Buffer
		if err := tmpl.ExecuteTemplate(&sec, "event", ev); err != nil {
			return err
		}
		ix.EventChunk[ev.Idx] = len(chunks)
		ix.Events = append(ix.Events, [4]any{ev.Name, ev.Dates, len(ev.Articles), len(ev.Outlets)})
		cur.Events = append(cur.Events, ev.Idx)
		cur.Sections = append(cur.Sections, sec.String())
		for _, v := range ev.Articles {
			addArticle(v, ev.Idx)
		}
		if len(cur.Articles) >= chunkArticles {
			flush()
		}
	}
	flush()
	for i, v := range b.p.Unplaced {
		if i > 0 && i%chunkArticles == 0 {
			flush()
		}
		addArticle(v, -1)
	}
	flush()
	ix.Chunks = len(chunks)
	var buf bytes.Buffer
	// The encoder escapes <, > and &, so the index cannot close its script
	// element whatever the outlets' names hold.
	if err := json.NewEncoder(&buf).Encode(ix); err != nil {
		return err
	}
	b.p.Index = template.JS(bytes.TrimSpace(buf.Bytes()))
	b.p.Chunks = make([]string, len(chunks))
	for i, c := range chunks {
		buf.Reset()
		// gzip, then base64 in the URL alphabet, unpadded, which needs no
		// escaping in HTML: a third of the bytes, which the browser reads
		// faster than it would the plain text. The header holds no name
		// and no time, so the bytes depend on the data alone. Level 5 of
		// klauspost/compress: on 16,000 articles' chunks, 44% of the CPU
		// of the standard library's default level for 3% more bytes.
		b64 := base64.NewEncoder(base64.RawURLEncoding, &buf)
		z, err := gzip.NewWriterLevel(b64, 5)
		if err != nil {
			return err
		}
		if err := json.NewEncoder(z).Encode(c); err != nil {
			return err
		}
		if err := z.Close(); err != nil {
			return err
		}
		if err := b64.Close(); err != nil {
			return err
		}
		b.p.Chunks[i] = buf.String()
	}
	return nil
}

// articleData makes v's data, reusing units, and counts its marked hits
// per axis and voice into marked.
func (b *builder) articleData(v *articleView, units []int, marked [][2]int) (articleData, []int) {
	a := b.articles[v.ID]
	units = utf16Offsets(a.Text, units)
	ad := articleData{
		Outlet: v.Outlet.Idx, Title: v.Title, Author: v.Author, Date: v.Date, URL: v.URL, RawURL: v.RawURL,
		Words: v.Words, Text: a.Text,
	}
	if v.Primary {
		ad.Primary = 1
	}
	paras, _ := b.segments(a)
	for _, p := range paras {
		flat := make([]int, 0, 3*len(p))
		for _, s := range p {
			flat = append(flat, units[s.from], units[s.to], s.anchor)
		}
		ad.Paras = append(ad.Paras, flat)
	}
	ad.Sentences = make([]int, 0, 2*len(a.Sentences))
	for _, s := range a.Sentences {
		if s.Start < 0 || s.End < s.Start || s.End > len(a.Text) {
			ad.Sentences = append(ad.Sentences, 0, 0)
			continue
		}
		ad.Sentences = append(ad.Sentences, units[s.Start], units[s.End])
	}
	hs := b.hits[v.ID]
	ad.Hits = make([]int, 0, 7*len(hs))
	shown := markedHits(hs)
	for i, h := range hs {
		flags, voice := 0, 0
		if h.Voice == framing.Quoted {
			flags |= hitQuoted
			voice = 1
		}
		if h.ScareQuoted || h.Distanced {
			flags |= hitDistanced
		}
		r := b.row(h)
		if shown[i] {
			marked[r.Pole.Axis.Idx][voice]++
		} else {
			flags |= hitHidden
		}
		cs, ce := framing.ContextOf(a, h)
		ad.Hits = append(ad.Hits, units[h.Start], units[h.End], r.Idx, flags, h.Sentence, units[cs], units[ce])
	}
	return ad, units
}

// utf16Offsets returns, for each byte offset of s up to len(s), the number
// of UTF-16 code units before it, reusing buf. An invalid byte counts as one
// unit: encoding/json writes it as U+FFFD.
func utf16Offsets(s string, buf []int) []int {
	buf = buf[:0]
	n := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		for range size {
			buf = append(buf, n)
		}
		n += utf16.RuneLen(r)
		i += size
	}
	return append(buf, n)
}
