package pdf

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/framediff/framediff/compare"
)

// discussion words the questions whose facts the findings hold
// (compare.Findings.Questions): contrasting word choices per axis,
// distancing, loaded words left to quotations, quotation verbs, swaps,
// voice share, omissions, ownership, and headlines when the others are
// too few.
func (d *pdfDoc) discussion() []string {
	var qs []string
	axes := 0
	for _, q := range d.find.Questions {
		var text string
		switch q.Kind {
		case compare.QuestionAxis:
			text = d.qAxis(q.Axis, axes)
			axes++
		case compare.QuestionDistance:
			text = d.qDistance(q.Distance)
		case compare.QuestionQuotedOnly:
			text = d.qQuotedOnly(q.QuotedOnly)
		case compare.QuestionQuoteVerbs, compare.QuestionQuoteFidelity:
			text = d.qQuote(q.Kind, q.Quote)
		case compare.QuestionSwap:
			text = d.qSwap(q.Swap)
		case compare.QuestionTopSpeaker, compare.QuestionMissingSpeaker:
			text = d.qVoice(q.Kind, q.Voice)
		case compare.QuestionOmission:
			text = d.qOmission(q.Omission)
		case compare.QuestionOwnership:
			text = d.qOwnership(q.Ownership)
		case compare.QuestionHeadlines, compare.QuestionSingle:
			text = d.qHeadlines(q.Kind, q.Event)
		}
		if text != "" {
			qs = append(qs, text)
		}
	}
	return qs
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

// pdfAxisTails end the axis questions in turn.
var pdfAxisTails = []string{
	" What does each choice signal about how the outlet sees the story?",
	" Who would prefer each word, and why?",
	" Which word would a neutral report use, and what would the others add?",
}

// qAxis asks about an axis on which outlets' own words fall on different
// poles; i counts the axis questions before it.
func (d *pdfDoc) qAxis(f *compare.AxisFinding, i int) string {
	axis := f.Axis
	for _, ax := range d.axes {
		if ax.ID == f.Axis {
			axis = cmp.Or(ax.Name, ax.ID)
		}
	}
	var parts []string
	for _, p := range f.Poles {
		verb := "uses"
		if len(p.Outlets) > 1 {
			verb = "use"
		}
		info := d.poles[pdfKey(f.Axis, p.Pole)]
		words := pdfQ(info.PoleName)
		var others []string
		for _, t := range p.Terms {
			if !strings.EqualFold(t, info.PoleName) {
				others = append(others, pdfQ(t))
			}
		}
		if len(others) > 0 {
			words += " words (" + strings.Join(others[:min(3, len(others))], ", ") + ")"
		}
		parts = append(parts, fmt.Sprintf("%s mostly %s %s", pdfAnd(d.labelsOf(p.Outlets)), verb, words))
	}
	q := fmt.Sprintf("%s: %s", axis, strings.Join(parts, "; "))
	if len(f.Silent) > 0 {
		verb := "uses"
		if len(f.Silent) > 1 {
			verb = "use"
		}
		q += fmt.Sprintf("; %s %s none of these words in its own voice", pdfAnd(d.labelsOf(f.Silent)), verb)
	}
	return q + "." + pdfAxisTails[i%len(pdfAxisTails)]
}

// qDistance asks about scare quotes and distancing words.
func (d *pdfDoc) qDistance(f *compare.DistanceFinding) string {
	outlets := slices.Clone(f.Outlets)
	slices.SortStableFunc(outlets, func(a, b compare.DistancedWords) int { return cmp.Compare(d.label(a.Outlet), d.label(b.Outlet)) })
	quoted := func(ws []string) []string {
		out := make([]string, len(ws))
		for i, w := range ws {
			out[i] = pdfQ(w)
		}
		return out
	}
	var parts []string
	for _, o := range outlets {
		var does []string
		if len(o.ScareQuoted) > 0 {
			does = append(does, fmt.Sprintf("puts %s in quotation marks of its own", pdfAnd(quoted(o.ScareQuoted))))
		}
		if len(o.Distanced) > 0 {
			does = append(does, fmt.Sprintf("writes %s after a distancing word such as “so-called”", pdfAnd(quoted(o.Distanced))))
		}
		parts = append(parts, d.label(o.Outlet)+" "+strings.Join(does, " and "))
	}
	return fmt.Sprintf("%s. What does a writer signal by holding a word at arm's length, and does it make the report more or less neutral?", strings.Join(parts, "; "))
}

// qQuotedOnly asks about a loaded word some outlets use themselves and
// others only quote.
func (d *pdfDoc) qQuotedOnly(f *compare.QuotedOnlyFinding) string {
	whose := "someone else's words"
	if len(f.Speakers) > 0 {
		whose = pdfAnd(f.Speakers) + "'s words"
	}
	q := fmt.Sprintf("In %s, %s appears only inside %s", pdfAnd(d.labelsOf(f.QuotedOnly)), pdfQ(f.Term), whose)
	if len(f.Own) > 0 {
		q += fmt.Sprintf(", while %s %s it in its own voice", pdfAnd(d.labelsOf(f.Own)), map[bool]string{true: "uses", false: "use"}[len(f.Own) == 1])
	}
	return q + ". Why might a reporter quote a loaded word rather than use it, and does the reader notice the difference?"
}

// qQuote asks about one quotation introduced with different verbs or
// carried with different fidelity.
func (d *pdfDoc) qQuote(kind compare.QuestionKind, f *compare.QuoteFinding) string {
	text := pdfFirstWords(f.Text, 9)
	speaker := cmp.Or(f.Speaker, "The speaker")
	var parts []string
	if kind == compare.QuestionQuoteVerbs {
		for _, v := range f.Verbs {
			parts = append(parts, fmt.Sprintf("%s by %s", pdfQ(v.Verb), pdfAnd(d.labelsOf(v.Outlets))))
		}
		return fmt.Sprintf("%s's words %s are introduced with %s. Does the verb change how you read the same sentence?", speaker, pdfQ(text), strings.Join(parts, ", and with "))
	}
	for _, u := range f.Fidelities {
		parts = append(parts, fmt.Sprintf("%s quotes it %s", pdfAnd(d.labelsOf(u.Outlets)), u.Fidelity.Label()))
	}
	return fmt.Sprintf("%s's %s: %s. What was cut or added, and does it change the meaning?", speaker, pdfQ(text), strings.Join(parts, "; "))
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
func (d *pdfDoc) qSwap(s *compare.SwapFinding) string {
	q := fmt.Sprintf("In the same sentence, %s writes %s where %s writes %s.", d.label(s.OutletA), pdfQ(s.TermA), d.label(s.OutletB), pdfQ(s.TermB))
	if s.Framing {
		return q + " Which word is plainer, and what picture does the other one paint?"
	}
	return q + " Is this only a matter of style, or does one version tell you more about who acted?"
}

// eventName is the name of event id, or the id.
func (d *pdfDoc) eventName(id string) string {
	for _, e := range d.res.Events {
		if e.ID == id {
			return e.Name()
		}
	}
	return id
}

// qVoice asks about who is quoted most in each outlet's report of an event,
// or about a speaker some outlets leave out.
func (d *pdfDoc) qVoice(kind compare.QuestionKind, f *compare.VoiceFinding) string {
	name := d.eventName(f.Event)
	if kind == compare.QuestionTopSpeaker {
		var parts []string
		for _, t := range f.Top {
			parts = append(parts, fmt.Sprintf("%s in %s", t.Speaker, pdfAnd(d.labelsOf(t.Outlets))))
		}
		return fmt.Sprintf("In the reports of %s, the speaker with the most quoted words is %s. How does the choice of who speaks shape the story?", name, strings.Join(parts, ", but "))
	}
	return fmt.Sprintf("In the reports of %s, %s quotes %s, but %s does not. What does the reader of each miss?", name, pdfAnd(d.labelsOf(f.With)), f.Speaker, pdfAnd(d.labelsOf(f.Without)))
}

// qOmission asks about a claim only one outlet carries.
func (d *pdfDoc) qOmission(f *compare.OmissionFinding) string {
	return fmt.Sprintf("Only %s reports that %s; %s leave it out. Why might they, and what does each reader miss?", d.label(f.Outlet), pdfQ(pdfFirstWords(f.Text, 24)), pdfAnd(d.labelsOf(f.Missing)))
}

// qOwnership asks whether word choices follow who owns the outlets.
func (d *pdfDoc) qOwnership(kinds []compare.KindOutlets) string {
	if d.opts.Blind {
		var parts []string
		for _, k := range kinds {
			parts = append(parts, fmt.Sprintf("%d %s", len(k.Outlets), pdfKindNoun(k.Kind, len(k.Outlets))))
		}
		return fmt.Sprintf("Among these %s are %s. Which do you think is which, and which words give them away? (The answer key is on the last page.)", pdfCount(len(d.outlets), "source"), pdfAnd(parts))
	}
	var parts []string
	for _, k := range kinds {
		parts = append(parts, fmt.Sprintf("%s %s %s", pdfAnd(d.labelsOf(k.Outlets)), map[bool]string{true: "is a", false: "are"}[len(k.Outlets) == 1], pdfKindNoun(k.Kind, len(k.Outlets))))
	}
	return fmt.Sprintf("%s. Look back at the charts: do the word choices line up with who owns each outlet? What else could explain them?", strings.Join(parts, "; "))
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

// qHeadlines asks to compare an event's headlines, or to rewrite the one
// article reporting an event.
func (d *pdfDoc) qHeadlines(kind compare.QuestionKind, f *compare.EventArticlesFound) string {
	if kind == compare.QuestionHeadlines {
		return fmt.Sprintf("Compare the %d headlines on %s. Which facts does each put first, and which would make you most likely to share the story?", f.Articles, d.eventName(f.Event))
	}
	return fmt.Sprintf("Only %s reports %s here. Rewrite its opening paragraph with the plainer words from the glossary: what changes?", d.label(f.Outlet), d.eventName(f.Event))
}
