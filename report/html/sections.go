package html

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/framediff/framediff/compare"
	"github.com/framediff/framediff/corpus"
	"github.com/framediff/framediff/framing"
	"github.com/framediff/framediff/report"
)

// segment is a piece of a paragraph: a sentence, or text between
// sentences, with the index of the sentence it anchors (-1 for none: text
// between sentences, or a sentence's second piece across paragraphs).
type segment struct {
	from, to, anchor int
}

// markedHits reports, for hits in text order, which are marked in the
// text: those that do not overlap an earlier, longer one.
func markedHits(hs []framing.Hit) []bool {
	marked := make([]bool, len(hs))
	end := -1
	for i, h := range hs {
		if h.Start >= end {
			marked[i] = true
			end = h.End
		}
	}
	return marked
}

// segments cuts a's text into paragraphs of segments, and returns the hits
// that are marked: those that do not overlap an earlier, longer one.
func (b *builder) segments(a *corpus.Article) ([][]segment, []framing.Hit) {
	paras := a.ParagraphSpans()
	sents := a.Sentences
	if !corpus.ValidSpans(sents, len(a.Text)) {
		sents = nil
	}
	var marks []framing.Hit
	hs := b.hits[a.ID]
	for i, m := range markedHits(hs) {
		if m {
			marks = append(marks, hs[i])
		}
	}
	anchored := map[int]bool{}
	si := 0
	var out [][]segment
	for _, p := range paras {
		if !validHit(a, p.Start, p.End) {
			continue
		}
		var para []segment
		pos := p.Start
		emit := func(anchor, from, to int) {
			if from < to {
				para = append(para, segment{from, to, anchor})
			}
		}
		for si < len(sents) && sents[si].End <= p.Start {
			si++
		}
		for j := si; j < len(sents) && sents[j].Start < p.End; j++ {
			s := sents[j]
			from, to := max(s.Start, p.Start), min(s.End, p.End)
			if !validHit(a, from, to) {
				continue
			}
			emit(-1, pos, from)
			anchor := -1
			if !anchored[j] {
				anchored[j] = true
				anchor = j
			}
			emit(anchor, from, to)
			pos = to
		}
		emit(-1, pos, p.End)
		if len(para) > 0 {
			out = append(out, para)
		}
	}
	return out, marks
}

// paragraphs cuts a's text into paragraphs of sentences of pieces: each
// sentence carries its anchor, each marked hit its mark.
func (b *builder) paragraphs(a *corpus.Article, v *articleView) [][]sentView {
	paras, marks := b.segments(a)
	mi := 0
	out := make([][]sentView, 0, len(paras))
	for _, p := range paras {
		para := make([]sentView, 0, len(p))
		for _, sg := range p {
			sv := sentView{}
			if sg.anchor >= 0 {
				sv.ID = sentenceAnchor(v, sg.anchor)
			}
			for mi < len(marks) && marks[mi].Start < sg.from {
				mi++
			}
			at := sg.from
			for mi < len(marks) && marks[mi].End <= sg.to {
				h := marks[mi]
				if at < h.Start {
					sv.Parts = append(sv.Parts, part{Text: a.Text[at:h.Start]})
				}
				sv.Parts = append(sv.Parts, part{Text: a.Text[h.Start:h.End], Hit: b.mark(h)})
				at = h.End
				mi++
			}
			if at < sg.to {
				sv.Parts = append(sv.Parts, part{Text: a.Text[at:sg.to]})
			}
			para = append(para, sv)
		}
		out = append(out, para)
	}
	return out
}

func (b *builder) mark(h framing.Hit) *markView {
	p := b.pole(h.Axis, h.Pole)
	m := &markView{class: p.Mark, row: b.row(h)}
	if h.Voice == framing.Quoted {
		m.suffix = " vq"
	}
	if h.ScareQuoted || h.Distanced {
		m.suffix += " dist"
	}
	return m
}

func voiceClass(v framing.Voice) string {
	if v == framing.Quoted {
		return "quoted"
	}
	return "narrator"
}

// eventsListed is how many events a large report's overview lists at a
// time.
const eventsListed = 100

func (b *builder) buildEvents() {
	inEvent := map[string]bool{}
	aligns := map[string][]compare.Alignment{}
	for _, al := range b.res.Alignments {
		aligns[al.Event] = append(aligns[al.Event], al)
	}
	quotes := make(map[string]compare.Quote, len(b.res.Quotes))
	for _, q := range b.res.Quotes {
		quotes[q.ID] = q
	}
	groups := map[string][]compare.QuoteGroup{}
	for _, g := range b.res.QuoteGroups {
		groups[g.Event] = append(groups[g.Event], g)
	}
	swaps := map[string][]int{} // event → indices of substitutions with an example in it
	for i, s := range b.res.Substitutions {
		seen := map[string]bool{}
		for _, ex := range s.Examples {
			if !seen[ex.Event] {
				seen[ex.Event] = true
				swaps[ex.Event] = append(swaps[ex.Event], i)
			}
		}
	}
	voices := map[string][]compare.VoiceShare{}
	for _, v := range b.res.VoiceShare {
		voices[v.Event] = append(voices[v.Event], v)
	}
	for i, e := range b.res.Events {
		ev := &eventView{Idx: i, Anchor: "e" + strconv.Itoa(i), ID: e.ID, Name: e.Name(), Dates: compare.DateRange(e.Start, e.End), Lazy: b.p.Large}
		seen := map[*outletView]bool{}
		for _, id := range e.Articles {
			if v, ok := b.views[id]; ok && !inEvent[id] {
				inEvent[id] = true
				ev.Articles = append(ev.Articles, v)
				if !seen[v.Outlet] {
					seen[v.Outlet] = true
					ev.Outlets = append(ev.Outlets, v.Outlet)
				}
			}
		}
		slices.SortFunc(ev.Articles, func(x, y *articleView) int { return cmp.Compare(x.Idx, y.Idx) })
		slices.SortFunc(ev.Outlets, func(x, y *outletView) int { return cmp.Compare(x.Idx, y.Idx) })
		for _, al := range aligns[e.ID] {
			ev.Alignments = append(ev.Alignments, &alignView{
				A: b.link(al.A.Article, al.A.Sentence, al.A.Text), B: b.link(al.B.Article, al.B.Sentence, al.B.Text),
				Kind: al.Kind.String(), Similarity: fmt.Sprintf("%.2f", al.Similarity), Speaker: al.Speaker, Diff: al.Diff,
			})
		}
		ev.Quotes = b.quoteGroups(groups[e.ID], quotes)
		ev.Swaps = b.swaps(e.ID, swaps[e.ID])
		ev.Voices = b.voices(voices[e.ID])
		b.p.Events = append(b.p.Events, ev)
	}
	b.p.Listed = b.p.Events
	if b.p.Large {
		// the script lists the rest, a page at a time
		b.p.Listed = b.p.Events[:min(len(b.p.Events), eventsListed)]
	}
	for _, a := range slices.SortedFunc(maps.Values(b.views), func(x, y *articleView) int { return cmp.Compare(x.Idx, y.Idx) }) {
		if !inEvent[a.ID] {
			b.p.Unplaced = append(b.p.Unplaced, a)
		}
	}
}

func (b *builder) quoteGroups(groups []compare.QuoteGroup, quotes map[string]compare.Quote) []*quoteGroupView {
	var out []*quoteGroupView
	for _, g := range groups {
		gv := &quoteGroupView{Speaker: cmp.Or(g.Speaker, "Unnamed speaker"), Text: g.Text}
		carried := 0
		for _, v := range g.Versions {
			o := b.outlets[report.OutletName(v.Outlet)]
			if o == nil {
				continue
			}
			qv := quoteVersionView{Outlet: o, Fidelity: v.Fidelity.Label()}
			if q, ok := quotes[v.Quote]; ok {
				qv.Verb, qv.Text = q.Verb, q.Text
			}
			if v.Article != "" && v.Fidelity != compare.FidelityAbsent {
				l := b.link(v.Article, v.Sentence, "")
				qv.Link = &l
				carried++
			}
			gv.Versions = append(gv.Versions, qv)
		}
		if carried >= 1 && len(gv.Versions) >= 2 {
			slices.SortStableFunc(gv.Versions, func(x, y quoteVersionView) int { return cmp.Compare(x.Outlet.Idx, y.Outlet.Idx) })
			out = append(out, gv)
		}
	}
	return out
}

func (b *builder) swaps(event string, which []int) []*swapView {
	var out []*swapView
	for _, i := range which {
		s := b.res.Substitutions[i]
		sv := &swapView{TermA: s.TermA, TermB: s.TermB, Axis: s.Axis, Count: s.Count, Framing: s.Framing,
			OutletA: b.outlets[s.OutletA], OutletB: b.outlets[s.OutletB]}
		for _, ex := range s.Examples {
			if ex.Event == event {
				sv.Examples = append(sv.Examples, swapExample{A: b.link(ex.A.Article, ex.A.Sentence, ex.A.Text), B: b.link(ex.B.Article, ex.B.Sentence, ex.B.Text)})
			}
		}
		if len(sv.Examples) == 0 {
			continue
		}
		if sv.OutletA == nil {
			sv.OutletA = sv.Examples[0].A.Outlet
		}
		if sv.OutletB == nil {
			sv.OutletB = sv.Examples[0].B.Outlet
		}
		if s.Axis != "" {
			sv.PoleA, sv.PoleB = b.pole(s.Axis, s.PoleA), b.pole(s.Axis, s.PoleB)
			if ax := b.axis(s.Axis); ax != nil {
				sv.Axis = ax.Name
			}
		}
		out = append(out, sv)
	}
	slices.SortStableFunc(out, func(x, y *swapView) int {
		if x.Framing != y.Framing {
			if x.Framing {
				return -1
			}
			return 1
		}
		return cmp.Or(cmp.Compare(y.Count, x.Count), cmp.Compare(x.TermA, y.TermA), cmp.Compare(x.TermB, y.TermB))
	})
	return out
}

func (b *builder) axis(id string) *axisView {
	for _, ax := range b.p.Axes {
		if ax.ID == id {
			return ax
		}
	}
	return nil
}

func (b *builder) voices(shares []compare.VoiceShare) *voiceView {
	words := map[*outletView]map[string]int{}
	totals := map[string]int{}
	for _, v := range shares {
		o := b.outlets[report.OutletName(v.Outlet)]
		if o == nil || v.Words <= 0 {
			continue
		}
		sp := cmp.Or(strings.TrimSpace(v.Speaker), "unnamed")
		if words[o] == nil {
			words[o] = map[string]int{}
		}
		words[o][sp] += v.Words
		totals[sp] += v.Words
	}
	if len(words) == 0 {
		return nil
	}
	vv := &voiceView{Outlets: slices.SortedFunc(maps.Keys(words), func(x, y *outletView) int { return cmp.Compare(x.Idx, y.Idx) })}
	speakers := slices.Sorted(maps.Keys(totals))
	slices.SortStableFunc(speakers, func(x, y string) int { return cmp.Compare(totals[y], totals[x]) })
	for _, sp := range speakers {
		row := voiceSpeaker{Name: sp}
		for _, o := range vv.Outlets {
			all := 0
			for _, n := range words[o] {
				all += n
			}
			n := words[o][sp]
			c := voiceCell{Outlet: o, Words: n, Width: "0"}
			if all > 0 {
				c.Pct = (n*100 + all/2) / all
				c.Width = fmt.Sprintf("%.1f", float64(n)*100/float64(all))
			}
			row.Cells = append(row.Cells, c)
		}
		vv.Speakers = append(vv.Speakers, row)
	}
	return vv
}

// buildBars shows, per axis and outlet, the hits in the outlet's own words
// by pole, with its quoted hits apart: the corpus-wide pole totals of
// framing.Counts, summed per outlet as shown.
func (b *builder) buildBars() {
	type key struct {
		o    *outletView
		pole *poleView
	}
	own := map[key]int{}
	quoted := map[key]int{}
	used := map[*axisView]bool{}
	if b.res.Framing != nil {
		for _, c := range framing.PoleTotals(b.res.Framing.Counts) {
			o := b.outlets[report.OutletName(c.Outlet)]
			if c.Event != "" || c.Article != "" || o == nil || c.Count <= 0 {
				continue
			}
			p := b.pole(c.Axis, c.Pole)
			if p == nil {
				continue
			}
			used[p.Axis] = true
			if c.Voice == framing.Quoted {
				quoted[key{o, p}] += c.Count
			} else {
				own[key{o, p}] += c.Count
			}
		}
	}
	for _, ax := range b.p.Axes {
		if !used[ax] {
			continue
		}
		for _, o := range b.p.Outlets {
			row := &barRow{Outlet: o}
			for _, p := range ax.Poles {
				row.Total += own[key{o, p}]
				row.Quoted += quoted[key{o, p}]
			}
			for _, p := range ax.Poles {
				if n := own[key{o, p}]; n > 0 {
					row.Segs = append(row.Segs, barSeg{Pole: p, N: n, Width: fmt.Sprintf("%.2f", float64(n)*100/float64(row.Total)), Pct: (n*100 + row.Total/2) / row.Total})
				}
			}
			ax.Bars = append(ax.Bars, row)
		}
	}
}

// countTerms gives each cell of the terms table its outlet's corpus-wide
// count of the term, and of it quoted, from framing.Counts; terms matched
// regardless of case share a row.
func (b *builder) countTerms() {
	if b.res.Framing == nil {
		return
	}
	for _, c := range b.res.Framing.Counts {
		o := b.outlets[report.OutletName(c.Outlet)]
		if c.Event != "" || c.Article != "" || o == nil || c.Count <= 0 || b.pole(c.Axis, c.Pole) == nil {
			continue
		}
		r := b.row(framing.Hit{Axis: c.Axis, Pole: c.Pole, Term: c.Term})
		th := r.byOutlet[o]
		if th == nil {
			th = &termHits{Outlet: o}
			r.byOutlet[o] = th
		}
		th.N += c.Count
		if c.Voice == framing.Quoted {
			th.Quoted += c.Count
		}
	}
}

// termKey identifies a row of the terms table.
type termKey struct {
	pole *poleView
	term string
}

// row returns the terms table's row for h's term, creating it.
func (b *builder) row(h framing.Hit) *termRow {
	k := termKey{b.pole(h.Axis, h.Pole), strings.ToLower(h.Term)}
	r := b.rows[k]
	if r == nil {
		r = &termRow{Pole: k.pole, Term: h.Term, key: k, byOutlet: map[*outletView]*termHits{}}
		if b.res.Lex != nil {
			if t, ok := b.res.Lex.Term(h.Axis, h.Pole, h.Term); ok {
				r.Term, r.Note, r.Neutral = t.Text, t.Note, t.Neutral
			}
		}
		b.rows[k] = r
	}
	return r
}

// buildTerms makes the terms table: one row per axis, pole and term, one
// cell per outlet, each linking to its hits in context and stating the
// counts of framing.Counts (countTerms). In a
// large report the lists of hits are left for the page's script to build
// from the data when one is opened.
func (b *builder) buildTerms() {
	arts := slices.SortedFunc(maps.Values(b.views), func(x, y *articleView) int { return cmp.Compare(x.Idx, y.Idx) })
	for _, v := range arts {
		a := b.articles[v.ID]
		for _, h := range b.hits[v.ID] {
			r := b.row(h)
			th := r.byOutlet[v.Outlet]
			if th == nil {
				th = &termHits{Outlet: v.Outlet}
				r.byOutlet[v.Outlet] = th
			}
			if b.p.Large {
				continue
			}
			left, match, right := framing.HitContext(a, h)
			th.Hits = append(th.Hits, kwic{Left: left, Match: match, Right: right, Voice: voiceClass(h.Voice),
				Href: b.link(v.ID, h.Sentence, "").Href, Sentence: h.Sentence + 1})
		}
	}
	b.countTerms()
	order := map[termKey]int{}
	n := 0
	for _, ax := range b.p.Axes {
		for _, p := range ax.Poles {
			if b.res.Lex == nil {
				continue
			}
			if lp, ok := b.res.Lex.Pole(ax.ID, p.ID); ok {
				for _, t := range lp.Terms {
					order[termKey{p, strings.ToLower(t.Text)}] = n
					n++
				}
			}
		}
	}
	rank := func(k termKey) int {
		if i, ok := order[k]; ok {
			return i
		}
		return n // after the lexicon's terms, by text
	}
	keys := slices.Collect(maps.Keys(b.rows))
	slices.SortFunc(keys, func(x, y termKey) int {
		return cmp.Or(cmp.Compare(x.pole.Axis.Idx, y.pole.Axis.Idx), cmp.Compare(x.pole.Idx, y.pole.Idx), cmp.Compare(rank(x), rank(y)), cmp.Compare(x.term, y.term))
	})
	for i, k := range keys {
		r := b.rows[k]
		r.Idx, r.Anchor = i, "t"+strconv.Itoa(i)
		for _, o := range b.p.Outlets {
			c := termCell{Outlet: o}
			if th := r.byOutlet[o]; th != nil {
				th.Anchor = fmt.Sprintf("t%do%d", i, o.Idx)
				c.N, c.Quoted = th.N, th.Quoted
				c.Href = "#" + th.Anchor
				r.Hits = append(r.Hits, th)
				r.Total += c.N
			}
			r.Cells = append(r.Cells, c)
		}
		b.p.Terms = append(b.p.Terms, r)
	}
}

// buildGlossary lists, per axis, the lexicon terms found in the articles
// with what they carry and a plainer word.
func (b *builder) buildGlossary() {
	var cur *glossAxis
	for _, r := range b.p.Terms {
		if cur == nil || cur.Axis != r.Pole.Axis {
			cur = &glossAxis{Axis: r.Pole.Axis}
			b.p.Glossary = append(b.p.Glossary, cur)
		}
		cur.Terms = append(cur.Terms, glossTerm{Pole: r.Pole, Term: r.Term, Note: r.Note, Neutral: r.Neutral, Href: "#" + r.Anchor})
	}
}
