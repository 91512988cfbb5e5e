package pdf

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/framediff/framediff/compare"
	"github.com/framediff/framediff/corpus"
	"github.com/framediff/framediff/internal/reporttest"
)

var pdfOut = flag.String("pdfout", "", "also write the test handouts to this directory, to look at")

func pdfWrite(t testing.TB, res *compare.Result, opts Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, res, opts); err != nil {
		t.Fatalf("Write: %v", err)
	}
	return buf.Bytes()
}

// pdfSave writes b to a temporary file (and to -pdfout) and returns its path.
func pdfSave(t testing.TB, name string, b []byte) string {
	t.Helper()
	if *pdfOut != "" {
		if err := os.MkdirAll(*pdfOut, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(*pdfOut, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func pdfNeedTool(t testing.TB, name string) {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		reporttest.MissingReader(t, fmt.Sprintf("%s not installed (poppler-utils / qpdf)", name))
	}
}

// pdfToText returns the text of pages first..last (0 for all) as
// pdftotext reads it.
func pdfToText(t testing.TB, file string, first, last int) string {
	t.Helper()
	pdfNeedTool(t, "pdftotext")
	args := []string{"-enc", "UTF-8"}
	if first > 0 {
		args = append(args, "-f", strconv.Itoa(first), "-l", strconv.Itoa(last))
	}
	out, err := exec.Command("pdftotext", append(args, file, "-")...).Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

// pdfFlat joins pdftotext's lines and hyphen-free breaks, so that phrases
// wrapped across lines can be found.
func pdfFlat(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

func pdfPages(t testing.TB, file string) int {
	t.Helper()
	pdfNeedTool(t, "pdfinfo")
	out, err := exec.Command("pdfinfo", file).Output()
	if err != nil {
		t.Fatalf("pdfinfo: %v", err)
	}
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindSubmatch(out)
	if m == nil {
		t.Fatalf("pdfinfo: no page count in %s", out)
	}
	n, _ := strconv.Atoi(string(m[1]))
	return n
}

func pdfQPDFCheck(t testing.TB, file string) {
	t.Helper()
	pdfNeedTool(t, "qpdf")
	out, err := exec.Command("qpdf", "--check", file).CombinedOutput()
	if err != nil {
		t.Fatalf("qpdf --check: %v\n%s", err, out)
	}
	if !bytes.Contains(out, []byte("No syntax or stream encoding errors found")) {
		t.Fatalf("qpdf --check:\n%s", out)
	}
}

func TestWritePDFSeedsReadBack(t *testing.T) {
	res := pdfSeedResult(t)
	tests := []struct {
		name string
		opts Options
		// want must all appear in the text (whitespace-flattened).
		want []string
		// maxPages bounds the handout's length: about five pages, plus
		// the answer key in blind mode.
		maxPages int
	}{
		{
			name: "a4",
			opts: Options{Settings: "framediff report seeds/ --paper a4"},
			want: []string{
				"CGTN", "Sahar News", "Iran Press", "The New Arab", "The Globe Post",
				"China", "state broadcaster", "Fadaat Media (Qatari-funded)",
				"Tehran summit: Putin, Erdogan, Rouhani, and 2 other events",
				"At a glance", "Naming the Syrian state",
				// highlighted terms, in the excerpts and the glossary
				"Bashar al-Assad‘s regime", "major rebel bastion of Idlib", "air raids pounded rebel positions", "innocent people",
				// the shared quotation, both versions
				"If we can ensure a ceasefire here, this will be one of the most important steps of the summit",
				"Same quote, different outlets", "word for word", "insisted",
				"Word swaps", "airplanes", "Who gets to speak", "Glossary of loaded terms",
				"Presents the state as illegitimate", "Questions for discussion", "Method and limits",
				"framediff report seeds/ --paper a4", "Page 1 of",
			},
			maxPages: 5,
		},
		{
			name:     "letter",
			opts:     Options{Paper: "letter", Title: "Idlib: five outlets, one story"},
			want:     []string{"Idlib: five outlets, one story", "The Globe Post", "Glossary of loaded terms"},
			maxPages: 6,
		},
		{
			name:     "blind",
			opts:     Options{Blind: true},
			want:     []string{"Source A", "Source B", "Source C", "Source D", "Source E", "Answer key"},
			maxPages: 6,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := pdfWrite(t, res, tt.opts)
			file := pdfSave(t, "seeds-"+tt.name+".pdf", b)
			pdfQPDFCheck(t, file)
			text := pdfFlat(pdfToText(t, file, 0, 0))
			for _, w := range tt.want {
				if !strings.Contains(text, w) {
					t.Errorf("text lacks %q", w)
				}
			}
			if !tt.opts.Blind {
				const url = "https://turkey.theglobepost.com/erdogan-putin-idlib-ceasefire/"
				if !strings.Contains(strings.ReplaceAll(text, " ", ""), url) {
					t.Errorf("text lacks The Globe Post's URL")
				}
				if !bytes.Contains(b, []byte("/URI ("+url+")")) {
					t.Errorf("The Globe Post's URL is not a link")
				}
			}
			n := pdfPages(t, file)
			if n < 4 || n > tt.maxPages {
				t.Errorf("seed handout has %d pages, want 4 to %d", n, tt.maxPages)
			}
			if !strings.Contains(text, "Page 2 of "+strconv.Itoa(n)) {
				t.Errorf("no \"Page 2 of %d\" footer", n)
			}
		})
	}
}

// TestWritePDFBlindMasksOutlets checks that no outlet name, alias or domain
// is left before the answer key, including where an excerpt names its own
// outlet ("Iran Press/Iran news:"), and that the key reveals them.
func TestWritePDFBlindMasksOutlets(t *testing.T) {
	res := pdfSeedResult(t)
	file := pdfSave(t, "seeds-blind.pdf", pdfWrite(t, res, Options{Blind: true, Title: "What CGTN and Iran Press said"}))
	before := pdfCheckBlind(t, file, res)
	// Iran Press names itself in its second paragraph.
	if !regexp.MustCompile(`Source [A-E]/Iran news:`).MatchString(before) {
		t.Errorf("excerpt's self-reference not masked as a source label")
	}
}

// pdfCheckBlind fails if an outlet's name, alias or domain appears before
// the answer key, or the key lacks one; it returns the text before the key.
func pdfCheckBlind(t *testing.T, file string, res *compare.Result) string {
	t.Helper()
	n := pdfPages(t, file)
	before := pdfFlat(pdfToText(t, file, 1, n-1))
	key := pdfFlat(pdfToText(t, file, n, n))
	for _, o := range res.Outlets {
		for _, s := range append(append([]string{o.Name}, o.Aliases...), o.Domains...) {
			if len(s) <= 3 {
				if regexp.MustCompile(`\b` + regexp.QuoteMeta(s) + `\b`).MatchString(before) {
					t.Errorf("%q appears before the answer key", s)
				}
				continue
			}
			if strings.Contains(strings.ToLower(before), strings.ToLower(s)) {
				t.Errorf("%q appears before the answer key", s)
			}
		}
		if !strings.Contains(key, o.Name) {
			t.Errorf("answer key lacks %q", o.Name)
		}
	}
	return before
}

func TestWritePDFDeterministic(t *testing.T) {
	res := pdfSeedResult(t)
	want := pdfWrite(t, res, Options{Settings: "x"})
	if again := pdfWrite(t, res, Options{Settings: "x"}); !bytes.Equal(want, again) {
		t.Fatal("two runs in one process differ")
	}
	// Article and list order must not matter.
	shuffled := *res
	r := rand.New(rand.NewPCG(1, 2))
	shuffled.Articles = append([]corpus.Article(nil), res.Articles...)
	r.Shuffle(len(shuffled.Articles), func(i, j int) {
		shuffled.Articles[i], shuffled.Articles[j] = shuffled.Articles[j], shuffled.Articles[i]
	})
	shuffled.Quotes = append([]compare.Quote(nil), res.Quotes...)
	r.Shuffle(len(shuffled.Quotes), func(i, j int) { shuffled.Quotes[i], shuffled.Quotes[j] = shuffled.Quotes[j], shuffled.Quotes[i] })
	fr := *res.Framing
	fr.Hits = append(fr.Hits[:0:0], res.Framing.Hits...)
	r.Shuffle(len(fr.Hits), func(i, j int) { fr.Hits[i], fr.Hits[j] = fr.Hits[j], fr.Hits[i] })
	shuffled.Framing = &fr
	if got := pdfWrite(t, &shuffled, Options{Settings: "x"}); !bytes.Equal(want, got) {
		t.Fatal("shuffled input gives different bytes")
	}
	if bytes.Contains(want, []byte("/CreationDate (D:2020")) == false {
		t.Errorf("creation date is not the latest article's date (2020-02-29)")
	}
}

// TestWritePDFDeterministicAcrossProcesses writes the handout in two child
// processes (with different GOMAXPROCS) and compares the bytes.
func TestWritePDFDeterministicAcrossProcesses(t *testing.T) {
	if os.Getenv("FRAMEDIFF_PDF_CHILD") != "" {
		t.Skip("child")
	}
	var sums []string
	for _, procs := range []string{"1", "2"} {
		out := filepath.Join(t.TempDir(), "child.pdf")
		cmd := exec.Command(os.Args[0], "-test.run=^TestPDFChildProcess$", "-test.count=1")
		cmd.Env = append(os.Environ(), "FRAMEDIFF_PDF_CHILD="+out, "GOMAXPROCS="+procs)
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("child: %v\n%s", err, b)
		}
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(b)
		sums = append(sums, hex.EncodeToString(sum[:]))
	}
	if sums[0] != sums[1] {
		t.Fatalf("processes wrote different PDFs: %s vs %s", sums[0], sums[1])
	}
	in := pdfWrite(t, pdfSeedResult(t), Options{Blind: true, Settings: "child"})
	if sum := sha256.Sum256(in); hex.EncodeToString(sum[:]) != sums[0] {
		t.Fatal("child process output differs from this process's")
	}
}

func TestPDFChildProcess(t *testing.T) {
	out := os.Getenv("FRAMEDIFF_PDF_CHILD")
	if out == "" {
		t.Skip("run by TestWritePDFDeterministicAcrossProcesses")
	}
	b := pdfWrite(t, pdfSeedResult(t), Options{Blind: true, Settings: "child"})
	if err := os.WriteFile(out, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestWritePDFOptionsErrors(t *testing.T) {
	res := pdfSeedResult(t)
	tests := []struct {
		name string
		opts Options
		want error
	}{
		{"paper", Options{Paper: "a3"}, ErrUnknownPaper},
		{"event", Options{Events: []string{"no-such-event"}}, ErrUnknownEvent},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Write(&bytes.Buffer{}, res, tt.opts)
			if !errors.Is(err, tt.want) {
				t.Fatalf("Write error = %v, want %v", err, tt.want)
			}
		})
	}
	if err := Write(&bytes.Buffer{}, nil, Options{}); err == nil {
		t.Fatal("nil result: no error")
	}
}

func TestWritePDFQuestionsGolden(t *testing.T) {
	res := pdfSeedResult(t)
	for _, blind := range []bool{false, true} {
		name := map[bool]string{false: "questions.golden", true: "questions-blind.golden"}[blind]
		t.Run(name, func(t *testing.T) {
			d, err := newPDFDoc(res, Options{Blind: blind})
			if err != nil {
				t.Fatal(err)
			}
			qs := d.discussion()
			if len(qs) < 5 || len(qs) > 8 {
				t.Errorf("%d questions, want 5 to 8", len(qs))
			}
			got := strings.Join(qs, "\n") + "\n"
			golden := filepath.Join("testdata", name)
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(string(want), got); diff != "" {
				t.Errorf("questions (-want +got):\n%s", diff)
			}
		})
	}
}

// pdfPrepend puts para before the text of article id, shifting its hits
// and quotations, so the excerpt shows it first.
func pdfPrepend(res *compare.Result, id, para string) {
	shift := len(para) + 2
	for i := range res.Articles {
		a := &res.Articles[i]
		if a.ID != id {
			continue
		}
		a.Text = para + "\n\n" + a.Text
		a.Paragraphs = corpus.SplitParagraphs(a.Text)
	}
	for i := range res.Framing.Hits {
		if h := &res.Framing.Hits[i]; h.Article == id {
			h.Start += shift
			h.End += shift
		}
	}
	for i := range res.Quotes {
		if q := &res.Quotes[i]; q.Article == id {
			q.Start += shift
			q.End += shift
		}
	}
}

// TestWritePDFHardText feeds the writer text the font and the layout find
// hard: characters outside the BMP and outside every font (Ethiopic),
// Cyrillic, a 10,000-character word and a long URL; every word must stay
// on its page, and what cannot be drawn must show as U+FFFD rather than
// vanish, and be named in the warning.
func TestWritePDFHardText(t *testing.T) {
	res := pdfSeedResult(t)
	long := strings.Repeat("x", 10000)
	url := "https://example.org/" + strings.Repeat("very-long-path-segment/", 20)
	pdfPrepend(res, "000_d8a36f4a2c9001dd", "Erdoğan met Путин in Tehran 😀; the sign read ሰ and “curly” – dashes — fine. "+long+" "+url)
	for i := range res.Articles {
		if res.Articles[i].ID == "004_dd6029a0ad11cc80" {
			res.Articles[i].Title = strings.Repeat("Headline without spaces ", 3) + strings.Repeat("y", 600)
			res.Articles[i].URL = url
		}
	}
	res.Outlets[0].Owner = strings.Repeat("Owner name that goes on ", 12)
	for _, opts := range []Options{{}, {Paper: "letter", Blind: true, Settings: strings.Repeat("--flag=value ", 40)}} {
		var warned []string
		opts.Warn = func(msg string) { warned = append(warned, msg) }
		b := pdfWrite(t, res, opts)
		if len(warned) != 1 || !strings.Contains(warned[0], "U+1F600") || !strings.Contains(warned[0], "U+1230") {
			t.Errorf("warnings %q, want one naming U+1F600 and U+1230", warned)
		}
		file := pdfSave(t, "hard.pdf", b)
		pdfQPDFCheck(t, file)
		text := pdfToText(t, file, 0, 0)
		for _, w := range []string{"Erdoğan", "Путин", "“curly”", "–", "—"} {
			if !strings.Contains(text, w) {
				t.Errorf("text lacks %q", w)
			}
		}
		// The emoji and the Ethiopic letter are replaced, visibly.
		if n := strings.Count(text, "\uFFFD"); n < 2 {
			t.Errorf("%d replacement characters, want at least 2 (emoji, ሰ)", n)
		}
		if strings.Contains(text, "😀") || strings.Contains(text, "ሰ") {
			t.Errorf("undrawable characters reached the PDF")
		}
		pdfCheckInsidePages(t, file)
	}
}

// pdfCheckInsidePages fails if pdftotext places any word outside the page's
// margins.
func pdfCheckInsidePages(t *testing.T, file string) {
	t.Helper()
	pdfNeedTool(t, "pdftotext")
	out, err := exec.Command("pdftotext", "-bbox", file, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext -bbox: %v", err)
	}
	page := regexp.MustCompile(`<page width="([\d.]+)" height="([\d.]+)">`)
	word := regexp.MustCompile(`<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)</word>`)
	const margin = 16 / 25.4 * 72 // the side margin, in points
	var w, h float64
	pages := 0
	for _, line := range strings.Split(string(out), "\n") {
		if m := page.FindStringSubmatch(line); m != nil {
			w, _ = strconv.ParseFloat(m[1], 64)
			h, _ = strconv.ParseFloat(m[2], 64)
			pages++
			continue
		}
		m := word.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		var box [4]float64
		for i := range box {
			box[i], _ = strconv.ParseFloat(m[i+1], 64)
		}
		if box[0] < margin-2 || box[2] > w-margin+2 || box[1] < 0 || box[3] > h-14 {
			t.Errorf("page %d: %q at x %.0f–%.0f, y %.0f–%.0f runs outside the %.0f×%.0f page's margins", pages, pdfShort(m[5]), box[0], box[2], box[1], box[3], w, h)
		}
	}
	if pages == 0 {
		t.Fatal("pdftotext -bbox found no pages")
	}
}

func pdfShort(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}

// FuzzWritePDFText puts arbitrary text in an article's title and body,
// with hits at arbitrary offsets: the writer must neither panic nor fail.
func FuzzWritePDFText(f *testing.F) {
	res := pdfSeedResult(f)
	for _, a := range res.Articles {
		f.Add(a.Title, a.Text[:min(len(a.Text), 400)], 3, 9)
	}
	f.Add("😀\x00\xff", strings.Repeat("w", 3000), -1, 1<<20)
	f.Add("قمة طهران (إدلب)", "وقال بوتين: «الإرهابيون» في إدلب، 2018 CNN.\n\n普京表示，「停火」。 שלום (עולם) لا\u200cمی", 5, 20)
	f.Add("俄土伊三国总统", strings.Repeat("叙利亚政府，", 400)+strings.Repeat("ب", 500), 0, 12)
	f.Fuzz(func(t *testing.T, title, text string, start, end int) {
		r := *res
		r.Articles = append([]corpus.Article(nil), res.Articles...)
		r.Articles[0].Title = title
		r.Articles[0].Text = text
		r.Articles[0].Paragraphs = nil
		fr := *res.Framing
		fr.Hits = append(fr.Hits[:0:0], res.Framing.Hits...)
		for i := range fr.Hits {
			if fr.Hits[i].Article == r.Articles[0].ID {
				fr.Hits[i].Start, fr.Hits[i].End = start, end
			}
		}
		r.Framing = &fr
		var buf bytes.Buffer
		if err := Write(&buf, &r, Options{Blind: len(text)%2 == 0}); err != nil {
			t.Fatalf("Write: %v", err)
		}
	})
}

func BenchmarkWritePDFSeeds(b *testing.B) {
	res := pdfSeedResult(b)
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := Write(&buf, res, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestPDFTallyTruth checks the chart counts against testdata/tally.txt.
func TestPDFTallyTruth(t *testing.T) {
	d, err := newPDFDoc(pdfSeedResult(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile("testdata/tally.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range pdfDataLines(b) {
		f := strings.Split(line, "|")
		t.Run(strings.Join(f[:3], "/"), func(t *testing.T) {
			narrator, _ := strconv.Atoi(f[3])
			quoted, _ := strconv.Atoi(f[4])
			v := d.tally(f[0], f[1], f[2])
			if v.narrator != narrator || v.quoted != quoted {
				t.Errorf("narrator %d quoted %d, want %d and %d", v.narrator, v.quoted, narrator, quoted)
			}
		})
	}
}

// pdfLargeResult repeats the seed fixture's Tehran articles as n events of
// growing size (event i has 1 + i%4 articles), to stand for a large corpus.
func pdfLargeResult(t testing.TB, n int) *compare.Result {
	t.Helper()
	seed := pdfSeedResult(t)
	res := *seed
	res.Articles, res.Events, res.Quotes, res.VoiceShare = nil, nil, nil, nil
	res.Framing = &compare.Framing{}
	res.Substitutions, res.Coverage = nil, nil
	for i := range n {
		e := compare.Event{ID: fmt.Sprintf("ev%04d", i), Label: "Event number " + strconv.Itoa(i) + " — 2018-09-07", Start: "2018-09-07", End: "2018-09-07"}
		for j := range 1 + i%4 {
			src := seed.Articles[j%len(seed.Articles)]
			a := src
			a.ID = e.ID + "-" + strconv.Itoa(j)
			e.Articles = append(e.Articles, a.ID)
			res.Articles = append(res.Articles, a)
			for _, h := range seed.Framing.Hits {
				if h.Article == src.ID {
					h.Article = a.ID
					res.Framing.Hits = append(res.Framing.Hits, h)
				}
			}
		}
		res.Events = append(res.Events, e)
	}
	return &res
}

func TestWritePDFLargeCorpusChoosesEvents(t *testing.T) {
	res := pdfLargeResult(t, 400)
	tests := []struct {
		name      string
		opts      Options
		want, not []string
	}{
		// Events 3, 7, 11… have four articles; the earliest ids win ties.
		{"largest", Options{}, []string{"Event number 3", "Event number 7", "Event number 11"}, []string{"Event number 15", "Event number 0"}},
		{"chosen", Options{Events: []string{"ev0042", "ev0005"}}, []string{"Event number 42", "Event number 5"}, []string{"Event number 3"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			file := pdfSave(t, "large-"+tt.name+".pdf", pdfWrite(t, res, tt.opts))
			text := pdfFlat(pdfToText(t, file, 0, 0))
			for _, w := range tt.want {
				if !strings.Contains(text, w+" ") && !strings.Contains(text, w+",") {
					t.Errorf("text lacks %q", w)
				}
			}
			for _, w := range tt.not {
				if strings.Contains(text, w+" ") || strings.Contains(text, w+",") {
					t.Errorf("text has %q, an event not chosen", w)
				}
			}
			if n := pdfPages(t, file); n > 12 {
				t.Errorf("%d pages for three events", n)
			}
		})
	}
}

func BenchmarkWritePDFLargeCorpus(b *testing.B) {
	res := pdfLargeResult(b, 2500)
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := Write(&buf, res, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestWritePDFSparse checks that sections with nothing to show are left
// out, and that a Result with little or nothing in it still makes a valid
// handout.
func TestWritePDFSparse(t *testing.T) {
	seed := pdfSeedResult(t)
	onlyArticles := &compare.Result{Tool: seed.Tool, Articles: seed.Articles}
	noFraming := *seed
	noFraming.Framing, noFraming.Lex, noFraming.Quotes, noFraming.VoiceShare, noFraming.Substitutions = nil, nil, nil, nil, nil
	unknownPoles := *seed
	unknownPoles.Lex = nil
	emptyText := *seed
	emptyText.Articles = append([]corpus.Article(nil), seed.Articles...)
	emptyText.Articles[0].Text, emptyText.Articles[0].Title, emptyText.Articles[0].Paragraphs = "", "", nil
	tests := []struct {
		name      string
		res       *compare.Result
		want, not []string
	}{
		{"empty", &compare.Result{}, []string{"Method and limits"}, []string{"At a glance", "Glossary", "Word swaps", "Who gets to speak"}},
		{"articles only", onlyArticles, []string{"CGTN", "Method and limits"}, []string{"At a glance", "Glossary", "Same quote"}},
		{"events without framing", &noFraming, []string{"Event 1: Tehran summit", "Reported by one outlet only"}, []string{"At a glance", "Glossary", "Word swaps", "Same quote", "Who gets to speak"}},
		{"hits without a lexicon", &unknownPoles, []string{"At a glance", "regime", "Glossary"}, nil},
		{"an article without text", &emptyText, []string{"(no headline)"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			file := pdfSave(t, "sparse.pdf", pdfWrite(t, tt.res, Options{}))
			pdfQPDFCheck(t, file)
			text := pdfFlat(pdfToText(t, file, 0, 0))
			for _, w := range tt.want {
				if !strings.Contains(text, w) {
					t.Errorf("text lacks %q", w)
				}
			}
			for _, w := range tt.not {
				if strings.Contains(text, w) {
					t.Errorf("text has %q, a section with nothing to show", w)
				}
			}
		})
	}
}

func TestPDFSpeakerColours(t *testing.T) {
	ev := func(words map[string]map[string]int) pdfVoiceEvent {
		var ve pdfVoiceEvent
		for _, o := range slices.Sorted(maps.Keys(words)) {
			vo := compare.VoiceOutlet{Outlet: o}
			for _, sp := range slices.Sorted(maps.Keys(words[o])) {
				vo.Speakers = append(vo.Speakers, compare.SpeakerShare{Speaker: sp, Words: words[o][sp]})
				if !slices.Contains(ve.Speakers, sp) {
					ve.Speakers = append(ve.Speakers, sp)
				}
			}
			ve.Outlets = append(ve.Outlets, vo)
		}
		return ve
	}
	tehran := ev(map[string]map[string]int{"CGTN": {"Putin": 10, "Erdogan": 30}, "The New Arab": {"Putin": 50, "Rouhani": 5}})
	moscow := ev(map[string]map[string]int{"Sahar News": {"Putin": 40, "Erdogan": 20, "Trump": 8}})
	call := ev(map[string]map[string]int{"Iran Press": {"Rouhani": 90}})
	many := map[string]int{}
	for i := range len(pdfSpeakerPalette) + 3 {
		many[fmt.Sprintf("Speaker %02d", i)] = i + 1
	}
	crowd := ev(map[string]map[string]int{"CGTN": many})

	tests := []struct {
		name string
		evs  []pdfVoiceEvent
	}{
		{"one event", []pdfVoiceEvent{tehran}},
		{"three events", []pdfVoiceEvent{tehran, moscow, call}},
		{"three events reversed", []pdfVoiceEvent{call, moscow, tehran}},
		{"more speakers than colours", []pdfVoiceEvent{crowd}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := pdfSpeakerColours(tt.evs)
			for _, ve := range tt.evs {
				for _, sp := range ve.Speakers {
					if _, ok := got[sp]; !ok {
						t.Errorf("speaker %q has no colour", sp)
					}
				}
			}
			// Distinct while the palette lasts, grey after.
			seen := map[pdfRGB]string{}
			greys := 0
			for _, sp := range slices.Sorted(maps.Keys(got)) {
				c := got[sp]
				if c == pdfSpeakerGrey {
					greys++
					continue
				}
				if other, ok := seen[c]; ok {
					t.Errorf("%q and %q share colour %v", sp, other, c)
				}
				seen[c] = sp
			}
			if want := max(0, len(got)-len(pdfSpeakerPalette)); greys != want {
				t.Errorf("%d speakers in grey, want %d", greys, want)
			}
			if again := pdfSpeakerColours(slices.Clone(tt.evs)); !maps.Equal(again, got) {
				t.Errorf("colours differ between two calls")
			}
		})
	}
	// The order of events does not change anyone's colour.
	a := pdfSpeakerColours([]pdfVoiceEvent{tehran, moscow, call})
	b := pdfSpeakerColours([]pdfVoiceEvent{call, moscow, tehran})
	if diff := cmp.Diff(a, b); diff != "" {
		t.Errorf("colours depend on event order (-forward +reversed):\n%s", diff)
	}
}

// TestPDFDistanceMark checks that hits in scare quotes or after a
// distancing marker are drawn with a dotted underline, and others not.
func TestPDFDistanceMark(t *testing.T) {
	d, err := newPDFDoc(pdfSeedResult(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var marked, plain int
	for _, a := range d.selected {
		for _, h := range d.hits[a.ID] {
			want := h.ScareQuoted || h.Distanced
			text := a.Text[h.Start:h.End]
			runs := d.richText(a, h.Start, h.End, pdfBody)
			if len(runs) != 1 || runs[0].Style.Fill == nil && runs[0].Style.Outline == nil {
				t.Errorf("%s %q at %d: want one highlighted run, got %+v", a.ID, text, h.Start, runs)
				continue
			}
			if got := runs[0].Style.Dotted != nil; got != want {
				t.Errorf("%s %q at %d: dotted %v, want %v", a.ID, text, h.Start, got, want)
			}
			if want {
				marked++
			} else {
				plain++
			}
		}
	}
	if marked == 0 || plain == 0 {
		t.Fatalf("fixture has %d distanced and %d plain hits; want some of each", marked, plain)
	}
}

// TestPDFGlossaryOrder checks that within each axis the terms used in an
// outlet's own words come before those met only inside quotations, and
// that every term keeps its lexicon note.
func TestPDFGlossaryOrder(t *testing.T) {
	d, err := newPDFDoc(pdfSeedResult(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	terms := d.glossaryTerms()
	quotedOnly := 0
	seenAxis := map[string]bool{}
	for i, g := range terms {
		if i > 0 && terms[i-1].pole.Axis != g.pole.Axis {
			if seenAxis[g.pole.Axis] {
				t.Errorf("axis %q is split in the glossary", g.pole.Axis)
			}
		}
		seenAxis[g.pole.Axis] = true
		q := pdfQuotedOnly(g)
		quotedOnly += q
		if i > 0 && terms[i-1].pole.Axis == g.pole.Axis && pdfQuotedOnly(terms[i-1]) > q {
			t.Errorf("%q (own words) comes after %q (quoted only)", g.term.Text, terms[i-1].term.Text)
		}
		if g.known && g.term.Note == "" {
			t.Errorf("%q lost its note", g.term.Text)
		}
	}
	if quotedOnly == 0 || quotedOnly == len(terms) {
		t.Fatalf("%d of %d terms quoted only; the fixture should have both kinds", quotedOnly, len(terms))
	}
}

func TestPDFCount(t *testing.T) {
	tests := []struct {
		n    int
		noun string
		want string
	}{
		{1, "axis", "1 axis"},
		{9, "axis", "9 axes"},
		{2, "event", "2 events"},
		{3, "related event", "3 related events"},
		{1, "story", "1 story"},
		{4, "story", "4 stories"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			if got := pdfCount(tt.n, tt.noun); got != tt.want {
				t.Errorf("pdfCount(%d, %q) = %q, want %q", tt.n, tt.noun, got, tt.want)
			}
		})
	}
}
