package report

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/framediff/framediff/compare"
	"github.com/framediff/framediff/framing"
)

// discussion derives five to eight questions from this corpus's own
// findings: contrasting word choices per axis, distancing, loaded words
// left to quotations, quotation verbs, swaps, voice share, omissions and
// ownership. Fewer come out only when the corpus offers fewer findings.
func (d *pdfDoc) discussion() []string {
	var qs []string
	qs = append(qs, d.qAxes(3)...)
	qs = append(qs, d.qDistance()...)
	qs = append(qs, d.qQuotedOnly()...)
	qs = append(qs, d.qQuoteVerbs()...)
	qs = append(qs, d.qSwap()...)
	qs = append(qs, d.qVoice()...)
	qs = append(qs, d.qOmission()...)
	qs = append(qs, d.qOwnership()...)
	if len(qs) < 5 {
		qs = append(qs, d.qHeadlines(5-len(qs))...)
	}
	return qs[:min(len(qs), 8)]
}

// pdfAnd joins names as "A", "A and B", "A, B and C".
func pdfAnd(names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

func pdfQ(s string) string { return "“" + s + "”" }

func (d *pdfDoc) labelsOf(outlets []string) []string {
	out := make([]string, len(outlets))
	for i, o := range outlets {
		out[i] = d.label(o)
	}
	slices.Sort(out)
	return out
}

// qAxes asks about the axes on which outlets' own words fall on different
// poles, those involving most outlets first.
func (d *pdfDoc) qAxes(limit int) []string {
	type finding struct {
		q       string
		outlets int
	}
	var found []finding
	for _, ax := range d.glanceAxes() {
		// Per outlet, narrator uses per pole and per term.
		poleUses := map[string]map[string]int{}
		termUses := map[string]map[string]int{}
		for _, a := range d.selected {
			o := pdfOutletOf(a)
			for _, h := range d.hits[a.ID] {
				p := d.pole(h)
				if p.Axis != ax.ID || h.Voice == framing.Quoted {
					continue
				}
				if poleUses[o] == nil {
					poleUses[o] = map[string]int{}
				}
				poleUses[o][p.Pole]++
				if termUses[p.Pole] == nil {
					termUses[p.Pole] = map[string]int{}
				}
				termUses[p.Pole][h.Term]++
			}
		}
		byPole := map[string][]string{}
		for o, uses := range poleUses {
			best := ""
			for _, p := range ax.Poles {
				if uses[p.ID] > uses[best] {
					best = p.ID
				}
			}
			byPole[best] = append(byPole[best], o)
		}
		if len(byPole) < 2 {
			continue
		}
		var parts []string
		for _, p := range ax.Poles {
			outs := byPole[p.ID]
			if len(outs) == 0 {
				continue
			}
			terms := termUses[p.ID]
			top := slices.Sorted(maps.Keys(terms))
			slices.SortStableFunc(top, func(a, b string) int { return cmp.Compare(terms[b], terms[a]) })
			verb := "uses"
			if len(outs) > 1 {
				verb = "use"
			}
			info := d.poles[pdfKey(ax.ID, p.ID)]
			words := pdfQ(info.PoleName)
			var others []string
			for _, t := range top {
				if !strings.EqualFold(t, info.PoleName) {
					others = append(others, pdfQ(t))
				}
			}
			if len(others) > 0 {
				words += " words (" + strings.Join(others[:min(3, len(others))], ", ") + ")"
			}
			parts = append(parts, fmt.Sprintf("%s mostly %s %s", pdfAnd(d.labelsOf(outs)), verb, words))
		}
		var none []string
		for _, o := range d.outlets {
			if poleUses[o] == nil {
				none = append(none, o)
			}
		}
		q := fmt.Sprintf("%s: %s", cmp.Or(ax.Name, ax.ID), strings.Join(parts, "; "))
		if len(none) > 0 {
			verb := "uses"
			if len(none) > 1 {
				verb = "use"
			}
			q += fmt.Sprintf("; %s %s none of these words in its own voice", pdfAnd(d.labelsOf(none)), verb)
		}
		found = append(found, finding{q: q + ".", outlets: len(poleUses)})
	}
	slices.SortStableFunc(found, func(a, b finding) int { return cmp.Compare(b.outlets, a.outlets) })
	tails := []string{
		" What does each choice signal about how the outlet sees the story?",
		" Who would prefer each word, and why?",
		" Which word would a neutral report use, and what would the others add?",
	}
	var out []string
	for i, f := range found[:min(limit, len(found))] {
		out = append(out, f.q+tails[i%len(tails)])
	}
	return out
}

// qDistance asks about scare quotes and distancing words.
func (d *pdfDoc) qDistance() []string {
	scare := map[string][]string{}
	distanced := map[string][]string{}
	for _, a := range d.selected {
		o := d.labelOf(a)
		for _, h := range d.hits[a.ID] {
			m := pdfQ(cmp.Or(h.Match, h.Term))
			if h.ScareQuoted && !slices.Contains(scare[o], m) {
				scare[o] = append(scare[o], m)
			}
			if h.Distanced && !slices.Contains(distanced[o], m) {
				distanced[o] = append(distanced[o], m)
			}
		}
	}
	var parts []string
	for _, o := range slices.Sorted(maps.Keys(maps.Collect(pdfBoth(scare, distanced)))) {
		var does []string
		if len(scare[o]) > 0 {
			does = append(does, fmt.Sprintf("puts %s in quotation marks of its own", pdfAnd(scare[o])))
		}
		if len(distanced[o]) > 0 {
			does = append(does, fmt.Sprintf("writes %s after a distancing word such as “so-called”", pdfAnd(distanced[o])))
		}
		parts = append(parts, o+" "+strings.Join(does, " and "))
	}
	if len(parts) == 0 {
		return nil
	}
	return []string{fmt.Sprintf("%s. What does a writer signal by holding a word at arm's length, and does it make the report more or less neutral?", strings.Join(parts, "; "))}
}

// pdfBoth yields the keys of a and b, each once.
func pdfBoth(a, b map[string][]string) func(func(string, bool) bool) {
	return func(yield func(string, bool) bool) {
		for k := range a {
			if !yield(k, true) {
				return
			}
		}
		for k := range b {
			if _, ok := a[k]; !ok && !yield(k, true) {
				return
			}
		}
	}
}

// qQuotedOnly asks about a loaded word some outlets use themselves and
// others only quote.
func (d *pdfDoc) qQuotedOnly() []string {
	type use struct {
		own      map[string]bool
		quoted   map[string]bool
		speakers map[string]bool
		total    int
	}
	uses := map[string]*use{}
	for _, a := range d.selected {
		o := pdfOutletOf(a)
		for _, h := range d.hits[a.ID] {
			t := strings.ToLower(h.Term)
			u := uses[t]
			if u == nil {
				u = &use{own: map[string]bool{}, quoted: map[string]bool{}, speakers: map[string]bool{}}
				uses[t] = u
			}
			u.total++
			if h.Voice == framing.Quoted {
				u.quoted[o] = true
				if h.Speaker != "" {
					u.speakers[h.Speaker] = true
				}
			} else {
				u.own[o] = true
			}
		}
	}
	best, bestScore := "", 0
	for _, t := range slices.Sorted(maps.Keys(uses)) {
		u := uses[t]
		onlyQuoted := 0
		for o := range u.quoted {
			if !u.own[o] {
				onlyQuoted++
			}
		}
		if onlyQuoted == 0 {
			continue
		}
		if score := onlyQuoted*100 + len(u.own)*10 + u.total; score > bestScore {
			best, bestScore = t, score
		}
	}
	if best == "" {
		return nil
	}
	u := uses[best]
	var own, quotedOnly []string
	for o := range u.own {
		own = append(own, o)
	}
	for o := range u.quoted {
		if !u.own[o] {
			quotedOnly = append(quotedOnly, o)
		}
	}
	whose := "someone else's words"
	if len(u.speakers) > 0 {
		whose = pdfAnd(slices.Sorted(maps.Keys(u.speakers))) + "'s words"
	}
	q := fmt.Sprintf("In %s, %s appears only inside %s", pdfAnd(d.labelsOf(quotedOnly)), pdfQ(best), whose)
	if len(own) > 0 {
		q += fmt.Sprintf(", while %s %s it in its own voice", pdfAnd(d.labelsOf(own)), map[bool]string{true: "uses", false: "use"}[len(own) == 1])
	}
	return []string{q + ". Why might a reporter quote a loaded word rather than use it, and does the reader notice the difference?"}
}

// qQuoteVerbs asks about one quotation introduced with different verbs or
// carried with different fidelity.
func (d *pdfDoc) qQuoteVerbs() []string {
	groups := d.quoteGroups()
	// The longest quotations make the clearest comparison.
	slices.SortStableFunc(groups, func(a, b pdfQuoteGroup) int {
		return cmp.Compare(len(pdfFullest(b.versions).Text), len(pdfFullest(a.versions).Text))
	})
	for _, g := range groups {
		// Each outlet's verb is the one of its fullest version.
		fullest := map[string]compare.Quote{}
		for _, q := range g.versions {
			if f, ok := fullest[q.Outlet]; !ok || len(q.Text) > len(f.Text) {
				fullest[q.Outlet] = q
			}
		}
		verbs := map[string][]string{}
		fid := map[compare.Fidelity][]string{}
		for o, q := range fullest {
			if q.Verb != "" {
				verbs[strings.ToLower(q.Verb)] = append(verbs[strings.ToLower(q.Verb)], o)
			}
			if q.Fidelity != "" {
				fid[q.Fidelity] = append(fid[q.Fidelity], o)
			}
		}
		text := pdfFirstWords(pdfFullest(g.versions).Text, 9)
		speaker := cmp.Or(g.speaker, "The speaker")
		if len(verbs) >= 2 {
			var parts []string
			for _, v := range slices.Sorted(maps.Keys(verbs)) {
				parts = append(parts, fmt.Sprintf("%s by %s", pdfQ(v), pdfAnd(d.labelsOf(verbs[v]))))
			}
			return []string{fmt.Sprintf("%s's words %s are introduced with %s. Does the verb change how you read the same sentence?", speaker, pdfQ(text), strings.Join(parts, ", and with "))}
		}
		if len(fid) >= 2 {
			var parts []string
			for _, f := range slices.Sorted(maps.Keys(fid)) {
				parts = append(parts, fmt.Sprintf("%s quotes it %s", pdfAnd(d.labelsOf(fid[f])), f.Label()))
			}
			return []string{fmt.Sprintf("%s's %s: %s. What was cut or added, and does it change the meaning?", speaker, pdfQ(text), strings.Join(parts, "; "))}
		}
	}
	return nil
}

func pdfFullest(qs []compare.Quote) compare.Quote {
	best := qs[0]
	for _, q := range qs[1:] {
		if len(q.Text) > len(best.Text) {
			best = q
		}
	}
	return best
}

func pdfFirstWords(s string, n int) string {
	s = strings.Trim(s, "\"“”'‘’ ")
	w := strings.Fields(s)
	if len(w) <= n {
		return strings.Join(w, " ")
	}
	return strings.Join(w[:n], " ") + "…"
}

// qSwap asks about the first word swap shown.
func (d *pdfDoc) qSwap() []string {
	swaps := d.shownSwaps()
	if len(swaps) == 0 {
		return nil
	}
	s := swaps[0]
	q := fmt.Sprintf("In the same sentence, %s writes %s where %s writes %s.", d.label(s.OutletA), pdfQ(s.TermA), d.label(s.OutletB), pdfQ(s.TermB))
	if s.Framing {
		return []string{q + " Which word is plainer, and what picture does the other one paint?"}
	}
	return []string{q + " Is this only a matter of style, or does one version tell you more about who acted?"}
}

// qVoice asks about who is quoted most in each outlet's report of an event.
func (d *pdfDoc) qVoice() []string {
	for _, ve := range d.voiceEvents() {
		if len(ve.outlets) < 2 {
			continue
		}
		top := map[string][]string{}
		for _, o := range ve.outlets {
			best := ""
			for _, sp := range ve.speakers {
				if ve.share(o, sp) > ve.share(o, best) {
					best = sp
				}
			}
			if best != "" {
				top[best] = append(top[best], o)
			}
		}
		name := ve.event.Name()
		if len(top) >= 2 {
			var parts []string
			for _, sp := range slices.Sorted(maps.Keys(top)) {
				parts = append(parts, fmt.Sprintf("%s in %s", sp, pdfAnd(d.labelsOf(top[sp]))))
			}
			return []string{fmt.Sprintf("In the reports of %s, the speaker with the most quoted words is %s. How does the choice of who speaks shape the story?", name, strings.Join(parts, ", but "))}
		}
		for _, sp := range ve.speakers {
			var with, without []string
			for _, o := range ve.outlets {
				if ve.words[o][sp] > 0 || ve.shares[o][sp] > 0 {
					with = append(with, o)
				} else {
					without = append(without, o)
				}
			}
			if len(with) > 0 && len(without) > 0 {
				return []string{fmt.Sprintf("In the reports of %s, %s quotes %s, but %s does not. What does the reader of each miss?", name, pdfAnd(d.labelsOf(with)), sp, pdfAnd(d.labelsOf(without)))}
			}
		}
	}
	return nil
}

// qOmission asks about a claim only one outlet carries.
func (d *pdfDoc) qOmission() []string {
	for _, c := range d.res.Coverage {
		if len(c.Outlets) != 1 || len(c.Missing) == 0 || !d.eventShown(c.Event) {
			continue
		}
		return []string{fmt.Sprintf("Only %s reports that %s; %s leave it out. Why might they, and what does each reader miss?", d.label(c.Outlets[0]), pdfQ(pdfFirstWords(c.Text, 24)), pdfAnd(d.labelsOf(c.Missing)))}
	}
	return nil
}

// qOwnership asks whether word choices follow who owns the outlets.
func (d *pdfDoc) qOwnership() []string {
	kinds := map[string][]string{}
	for _, o := range d.outlets {
		if k := strings.TrimSpace(d.info[o].Kind); k != "" {
			kinds[k] = append(kinds[k], o)
		}
	}
	if len(kinds) < 2 {
		return nil
	}
	if d.opts.Blind {
		var parts []string
		for _, k := range slices.Sorted(maps.Keys(kinds)) {
			parts = append(parts, fmt.Sprintf("%d %s", len(kinds[k]), pdfKindNoun(k, len(kinds[k]))))
		}
		return []string{fmt.Sprintf("Among these %s are %s. Which do you think is which, and which words give them away? (The answer key is on the last page.)", pdfCount(len(d.outlets), "source"), pdfAnd(parts))}
	}
	var parts []string
	for _, k := range slices.Sorted(maps.Keys(kinds)) {
		outs := kinds[k]
		parts = append(parts, fmt.Sprintf("%s %s %s", pdfAnd(d.labelsOf(outs)), map[bool]string{true: "is a", false: "are"}[len(outs) == 1], pdfKindNoun(k, len(outs))))
	}
	return []string{fmt.Sprintf("%s. Look back at the charts: do the word choices line up with who owns each outlet? What else could explain them?", strings.Join(parts, "; "))}
}

func pdfKindNoun(kind string, n int) string {
	if n == 1 {
		return kind
	}
	if strings.HasSuffix(kind, "s") {
		return kind + "es"
	}
	return kind + "s"
}

// qHeadlines asks to compare headlines, event by event, when the findings
// above are too few.
func (d *pdfDoc) qHeadlines(n int) []string {
	var out []string
	for _, e := range d.events {
		if len(out) == n {
			break
		}
		arts := d.eventArticles(e)
		switch {
		case len(arts) > 1:
			out = append(out, fmt.Sprintf("Compare the %d headlines on %s. Which facts does each put first, and which would make you most likely to share the story?", len(arts), e.Name()))
		case len(arts) == 1 && len(d.hits[arts[0].ID]) > 0:
			out = append(out, fmt.Sprintf("Only %s reports %s here. Rewrite its opening paragraph with the plainer words from the glossary: what changes?", d.labelOf(arts[0]), e.Name()))
		}
	}
	return out
}
