// Package synth generates a corpus of news articles with the structure of
// real coverage, for benchmarks and tests: events reported by three to
// eight outlets, each event with its own people, places and date; quotes
// shared verbatim (sometimes trimmed) between the outlets that carry them;
// wire copy reposted nearly whole by another outlet; and the framing
// choices outlets differ on ("regime" or "government", "liberate" or
// "capture", "terrorists" or "rebels"). The same n and seed always give
// the same documents.
package synth

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/framediff/framediff/corpus"
)

// Doc is one generated article. Event is the ground truth of which event
// it reports; Text, JSONL and HTML do not write it.
type Doc struct {
	ID        string
	Outlet    string
	Title     string
	Published string
	URL       string
	Event     string
	Text      string
}

// camp is an outlet's side in the framing contrasts.
type camp int

const (
	statist  camp = iota // "government", "liberate", "terrorists"
	critical             // "regime", "capture", "rebels"
)

type outlet struct {
	name, domain, handle string
	camp                 camp
	wire                 bool
}

// statistOutlets are the registry's outlets on one side: state media of the
// governments fighting in the conflicts below. The rest are on the other.
var statistOutlets = map[string]bool{
	"CGTN": true, "Sahar News": true, "Iran Press": true, "Press TV": true, "TASS": true,
	"RT": true, "Sputnik": true, "Xinhua": true, "Fars News Agency": true,
	"Tasnim News Agency": true, "Mehr News Agency": true, "SANA": true,
}

func outlets() []outlet {
	var out []outlet
	for _, o := range corpus.DefaultRegistry().Outlets {
		c := critical
		if statistOutlets[o.Name] {
			c = statist
		}
		domain := "example.com"
		if len(o.Domains) > 0 {
			domain = o.Domains[0]
		}
		handle := strings.Map(func(r rune) rune {
			if r == ' ' || r == '-' {
				return '_'
			}
			return r
		}, o.Name)
		out = append(out, outlet{name: o.Name, domain: domain, handle: handle, camp: c, wire: o.Kind == "wire service"})
	}
	return out
}

var (
	firstNames = []string{"Karim", "Leyla", "Omar", "Dmitri", "Mehmet", "Ali", "Sergei", "Hassan", "Fatima", "Yusuf", "Nadia", "Ivan", "Reza", "Selin", "Tariq", "Elena", "Bashir", "Mariam", "Kemal", "Farid", "Ahmad", "Zeynep", "Pavel", "Samir"}
	lastNames  = []string{"Haddad", "Petrov", "Yilmaz", "Karimi", "Nasser", "Volkov", "Demir", "Hosseini", "Khalil", "Sokolov", "Aydin", "Rahimi", "Mansour", "Orlov", "Celik", "Tehrani", "Saleh", "Morozov", "Kaya", "Jaber", "Rostami", "Bakr", "Lebedev", "Arslan"}
	roles      = []string{"Foreign Minister", "Defence Minister", "President", "Prime Minister", "UN envoy", "army spokesman", "provincial governor", "opposition commander", "Red Crescent official", "presidential adviser"}
	countries  = []struct{ name, adj string }{
		{"Syria", "Syrian"}, {"Yemen", "Yemeni"}, {"Libya", "Libyan"}, {"Iraq", "Iraqi"}, {"Lebanon", "Lebanese"},
	}
	regions = map[string][]string{
		"Syria":   {"Idlib", "Aleppo", "Deir ez-Zor", "Daraa", "Hama", "Raqqa", "Homs", "Latakia"},
		"Yemen":   {"Hodeidah", "Marib", "Taiz", "Aden", "Saada"},
		"Libya":   {"Tripoli", "Benghazi", "Sirte", "Misrata", "Derna"},
		"Iraq":    {"Mosul", "Anbar", "Kirkuk", "Diyala", "Tal Afar"},
		"Lebanon": {"Tripoli", "Baalbek", "Tyre", "Sidon", "Hermel"},
	}
	towns    = []string{"Saraqib", "Maarat", "Kafr Nabl", "Jisr", "Ariha", "Khan Sheikhoun", "Tel Rifaat", "Al-Bab", "Manbij", "Qusayr", "Zabadani", "Harasta", "Douma", "Jobar", "Ain Issa", "Tabqa", "Mayadin", "Bukamal", "Sukhnah", "Palmyra"}
	capitals = []string{"Tehran", "Moscow", "Ankara", "Sochi", "Astana", "Geneva", "Doha", "Riyadh", "Cairo", "Amman", "Baghdad", "Beirut"}
)

// vocabulary is one camp's words for the contested things.
type vocabulary struct {
	gov, govForces, take, taking, fighters, fighterGroups, army string
}

func vocab(c camp, adj string) vocabulary {
	if c == statist {
		return vocabulary{
			gov: "the " + adj + " government", govForces: adj + " army troops",
			take: "liberated", taking: "liberation", fighters: "terrorists",
			fighterGroups: "terrorist groups", army: "the " + adj + " army",
		}
	}
	return vocabulary{
		gov: "the " + adj + " regime", govForces: "regime forces",
		take: "captured", taking: "capture", fighters: "rebels",
		fighterGroups: "rebel groups", army: "regime forces",
	}
}

// event is what every article about one event shares.
type event struct {
	id                  string
	country, adj        string
	region, town, city  string
	weekday             string
	date                time.Time
	leaders             []person
	quotes              []quote
	casualties, fleeing int
	topic               int
	replacers           map[vocabulary]*strings.Replacer
}

type person struct{ role, name string }

type quote struct {
	speaker person
	text    string
}

func (p person) String() string { return p.role + " " + p.name }

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

func newPerson(r *rand.Rand, role string) person {
	return person{role: role, name: pick(r, firstNames) + " " + pick(r, lastNames)}
}

var quoteTemplates = []string{
	"We will not allow {region} to become a bloodbath, and we call on all sides to respect the ceasefire agreed in {city}",
	"The situation in {region} is very complicated; the lives of civilians must be protected and the fighting must stop",
	"If we can secure a truce in {region}, this will be one of the most important steps of these talks, and it will put civilians at ease",
	"There is no military solution to the crisis in {country}, and every day of fighting makes a political settlement harder to reach",
	"Our forces will continue their operations until the last armed group has left {town} and the roads to {region} are safe again",
	"Nobody in the region gains from escalation, and we must resolve our differences through dialogue rather than through force",
	"More than {fleeing} people have fled their homes in the past week alone, and the camps near the border cannot take any more",
	"We have agreed on concrete measures for {region}, and our defence ministries will meet in the coming days to put them into effect",
	"The people of {town} have suffered enough, and the international community cannot look away while the shelling goes on",
	"Any attack on {town} will lead to a humanitarian disaster, a massacre and a tragedy that the world will not forgive",
}

func fill(s string, e *event) string {
	return strings.NewReplacer(
		"{region}", e.region, "{city}", e.city, "{country}", e.country, "{town}", e.town,
		"{fleeing}", fmt.Sprintf("%d,%03d", e.fleeing/1000, e.fleeing%1000),
	).Replace(s)
}

func newEvent(r *rand.Rand, i int) *event {
	c := pick(r, countries)
	e := &event{
		id:      fmt.Sprintf("event-%04d", i),
		country: c.name, adj: c.adj,
		region: pick(r, regions[c.name]), town: pick(r, towns), city: pick(r, capitals),
		date:       time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, r.IntN(3650)),
		casualties: 3 + r.IntN(60), fleeing: 5000 + r.IntN(90000),
		topic: r.IntN(3),
	}
	e.weekday = e.date.Weekday().String()
	for range 3 {
		e.leaders = append(e.leaders, newPerson(r, pick(r, roles)))
	}
	perm := r.Perm(len(quoteTemplates))
	for k := range 3 + r.IntN(3) {
		e.quotes = append(e.quotes, quote{speaker: e.leaders[k%len(e.leaders)], text: fill(quoteTemplates[perm[k]], e)})
	}
	return e
}

// Generate returns n documents in events of three to eight articles from
// different outlets, deterministic in n and seed.
func Generate(n int, seed int64) []Doc {
	r := rand.New(rand.NewPCG(uint64(seed), 0x9e3779b97f4a7c15))
	outs := outlets()
	docs := make([]Doc, 0, n)
	for ev := 0; len(docs) < n; ev++ {
		e := newEvent(r, ev)
		size := min(3+r.IntN(6), n-len(docs))
		perm := r.Perm(len(outs))
		var wire *Doc
		for k := range size {
			o := outs[perm[k]]
			var d Doc
			if wire != nil && k == size-1 && r.IntN(2) == 0 {
				d = repost(r, *wire, o, e, len(docs))
			} else {
				d = article(r, o, e, len(docs))
			}
			docs = append(docs, d)
			if o.wire && wire == nil {
				w := d
				wire = &w
			}
		}
	}
	return docs
}

func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, c := range strings.ToLower(s) {
		if 'a' <= c && c <= 'z' || '0' <= c && c <= '9' {
			b.WriteRune(c)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

func published(r *rand.Rand, e *event) string {
	t := e.date.AddDate(0, 0, r.IntN(2))
	if r.IntN(5) < 2 {
		return t.Add(time.Duration(6*3600+r.IntN(14*3600)) * time.Second).Format(time.RFC3339)
	}
	return t.Format("2006-01-02")
}

func titleFor(r *rand.Rand, v vocabulary, e *event) string {
	l := e.leaders[0]
	switch r.IntN(6) {
	case 0:
		return fmt.Sprintf("%s warns of disaster in %s as talks in %s end", l.name, e.region, e.city)
	case 1:
		return fmt.Sprintf("%s forces %s %s after days of fighting", e.adj, v.take, e.town)
	case 2:
		return fmt.Sprintf("Leaders meet in %s over %s ceasefire", e.city, e.region)
	case 3:
		return fmt.Sprintf("Thousands flee %s as %s advance on %s", e.region, v.govForces, e.town)
	case 4:
		return fmt.Sprintf("%s: 'There is no military solution' in %s", l.name, e.country)
	}
	return fmt.Sprintf("%s and %s discuss %s by phone", e.leaders[0].name, e.leaders[1].name, e.region)
}

// sentences an article draws from; {gov}, {take} and the rest are the
// outlet's framing words.
var bodyTemplates = []string{
	"{gov} said on {weekday} that its forces had {take} {town} and several nearby villages after a week of heavy fighting with {fighters}.",
	"The {taking} of {town} gives {army} control of the main road between {region} and the border, according to local sources.",
	"At least {casualties} people were killed in air strikes on the outskirts of {town} on {weekday}, a monitoring group said.",
	"Humanitarian agencies warned that the camps along the border were already full and that aid convoys had been unable to reach {region} for days.",
	"{fighterGroups} still hold most of the countryside west of {town}, where tens of thousands of displaced people have sought shelter.",
	"{leader1} and {leader2} held talks in {city} on {weekday} in an attempt to agree on a lasting ceasefire for {region}.",
	"The two sides agreed to set up joint patrols and a demilitarised zone, although officials gave few details on how it would work.",
	"Diplomats in {city} said the talks had been tense, with both delegations accusing the other of breaking earlier agreements.",
	"{army} has made steady gains since launching an offensive in {region} earlier this year, backed by allied air power.",
	"Residents described long queues at bakeries and fuel stations, and said prices had doubled since the fighting began.",
	"The United Nations has repeatedly called for the protection of civilians and hospitals in {region}, where several clinics have been hit.",
	"Officials in {city} said a follow-up meeting would be held within two weeks to review the situation on the ground.",
	"{leader3} said the international community had a responsibility to prevent a new wave of refugees from {region}.",
	"Analysts say the fate of {town} will shape any political settlement in {country}, which has been at war for years.",
	"Local councils in {region} asked for urgent deliveries of food, medicine and winter tents for families who fled the shelling.",
	"Military sources said {fighters} had fired rockets at positions held by {govForces} near {town} overnight, causing damage but no deaths.",
	"The foreign ministry in {city} summoned an envoy to protest what it called violations of the agreement on {region}.",
	"Footage shared on social media showed columns of smoke rising over {town} and families leaving in trucks loaded with belongings.",
	"According to figures released on {weekday}, more than {fleeing} people have been displaced from {region} since the start of the month.",
	"{gov} has rejected calls for an independent inquiry into the strikes, saying its operations target only {fighters}.",
}

func (e *event) fillBody(s string, v vocabulary) string {
	if e.replacers == nil {
		e.replacers = map[vocabulary]*strings.Replacer{}
	}
	rep, ok := e.replacers[v]
	if !ok {
		rep = e.newReplacer(v)
		e.replacers[v] = rep
	}
	return rep.Replace(s)
}

func (e *event) newReplacer(v vocabulary) *strings.Replacer {
	return strings.NewReplacer(
		"{gov}", v.gov, "{govForces}", v.govForces, "{take}", v.take, "{taking}", v.taking,
		"{fighters}", v.fighters, "{fighterGroups}", capitalize(v.fighterGroups), "{army}", v.army,
		"{town}", e.town, "{region}", e.region, "{city}", e.city, "{country}", e.country,
		"{weekday}", e.weekday, "{casualties}", fmt.Sprint(e.casualties),
		"{fleeing}", fmt.Sprintf("%d,%03d", e.fleeing/1000, e.fleeing%1000),
		"{leader1}", e.leaders[0].String(), "{leader2}", e.leaders[1].String(), "{leader3}", e.leaders[2].String(),
	)
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func capFirst(s string) string {
	if strings.HasPrefix(s, "the ") {
		return "The " + s[4:]
	}
	return capitalize(s)
}

func article(r *rand.Rand, o outlet, e *event, idx int) Doc {
	v := vocab(o.camp, e.adj)
	title := titleFor(r, v, e)
	var paras []string
	var words int
	add := func(p string) {
		paras = append(paras, p)
		words += strings.Count(p, " ") + 1
	}
	lead := fmt.Sprintf("%s, %s %s — %s", strings.ToUpper(e.city), e.date.Format("January"), fmt.Sprint(e.date.Day()), capFirst(e.fillBody(bodyTemplates[r.IntN(3)], v)))
	if r.IntN(2) == 0 {
		lead = capFirst(e.fillBody(bodyTemplates[5], v))
	}
	add(lead)
	perm := r.Perm(len(bodyTemplates))
	// Body sentences are drawn in permutation order, so none repeats
	// within an article until every template has been used.
	ti := 0
	nextSentence := func() string {
		s := capFirst(e.fillBody(bodyTemplates[perm[ti%len(perm)]], v))
		ti++
		return s
	}
	qi := 0
	for k := 0; words < 470; k++ {
		if k%3 == 2 && qi < len(e.quotes) {
			q := e.quotes[qi]
			qi++
			text := q.text
			if r.IntN(4) == 0 {
				// A trimmed quote: cut at a comma, as outlets do.
				if i := strings.Index(text, ", "); i > 20 {
					text = text[:i]
				}
			}
			switch r.IntN(3) {
			case 0:
				add(fmt.Sprintf("“%s,” %s said.", text, q.speaker))
			case 1:
				add(fmt.Sprintf("%s said: “%s.”", capFirst(q.speaker.String()), text))
			default:
				add(fmt.Sprintf("“%s,” %s told reporters in %s.", text, q.speaker.name, e.city))
			}
			continue
		}
		s1 := nextSentence()
		if r.IntN(2) == 0 {
			s1 += " " + nextSentence()
		}
		add(s1)
	}
	paras = append(paras, boilerplate(r, o, e)...)
	return Doc{
		ID:        fmt.Sprintf("%s-%05d", slug(o.name), idx),
		Outlet:    o.name,
		Title:     title,
		Published: published(r, e),
		URL:       fmt.Sprintf("https://%s/%s-%d", o.domain, slug(title), idx),
		Event:     e.id,
		Text:      strings.Join(paras, "\n\n"),
	}
}

// repost is wire copy carried by another outlet: the same paragraphs, the
// last one or two dropped, the framing words changed to the outlet's own,
// and a credit line.
func repost(r *rand.Rand, w Doc, o outlet, e *event, idx int) Doc {
	paras := strings.Split(w.Text, "\n\n")
	keep := len(paras) - 1 - r.IntN(2)
	for keep > 1 && isBoilerplate(paras[keep-1]) {
		keep--
	}
	paras = paras[:max(1, keep)]
	from, to := vocab(critical, e.adj), vocab(o.camp, e.adj)
	if o.camp == critical {
		from = vocab(statist, e.adj)
	}
	rep := strings.NewReplacer(from.gov, to.gov, capFirst(from.gov), capFirst(to.gov), from.take, to.take,
		from.taking, to.taking, from.fighters, to.fighters, capitalize(from.fighterGroups), capitalize(to.fighterGroups))
	text := rep.Replace(strings.Join(paras, "\n\n")) + "\n\n(" + w.Outlet + ")"
	text += "\n\n" + strings.Join(boilerplate(r, o, e), "\n\n")
	return Doc{
		ID:        fmt.Sprintf("%s-%05d", slug(o.name), idx),
		Outlet:    o.name,
		Title:     w.Title,
		Published: w.Published,
		URL:       fmt.Sprintf("https://%s/%s-%d", o.domain, slug(w.Title), idx),
		Event:     e.id,
		Text:      strings.TrimSpace(text),
	}
}

func isBoilerplate(p string) bool {
	return strings.HasPrefix(p, "Read More") || strings.HasPrefix(p, "Follow us") || strings.HasPrefix(p, "Comments are") || strings.HasPrefix(p, "Related")
}

// boilerplate returns the lines a site puts after an article.
func boilerplate(r *rand.Rand, o outlet, e *event) []string {
	var out []string
	switch r.IntN(4) {
	case 0:
		out = append(out, "Read More:", fmt.Sprintf("%s talks to resume next week", e.city), fmt.Sprintf("Aid agencies warn of winter crisis in %s", e.region))
	case 1:
		out = append(out, fmt.Sprintf("Follow us on Twitter: @%s", o.handle))
	case 2:
		out = append(out, "Comments are closed.")
	}
	return out
}

// Text returns d as a plain-text file with YAML front matter (id, outlet,
// title, published, url) and the body.
func Text(d Doc) []byte {
	var b bytes.Buffer
	b.Grow(len(d.Text) + 256)
	b.WriteString("---\n")
	fmt.Fprintf(&b, "id: %s\noutlet: %s\ntitle: %q\npublished: %s\nurl: %s\n", d.ID, d.Outlet, d.Title, d.Published, d.URL)
	b.WriteString("---\n")
	b.WriteString(d.Text)
	b.WriteByte('\n')
	return b.Bytes()
}

type jsonDoc struct {
	ID        string `json:"id"`
	Outlet    string `json:"outlet"`
	Title     string `json:"title"`
	Published string `json:"published"`
	URL       string `json:"url"`
	Text      string `json:"text"`
}

// JSONL returns docs as JSON Lines, one article object per line.
func JSONL(docs []Doc) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	for _, d := range docs {
		// Encoding a struct of strings cannot fail.
		_ = enc.Encode(jsonDoc{d.ID, d.Outlet, d.Title, d.Published, d.URL, d.Text})
	}
	return b.Bytes()
}

// HTML returns d as a saved web page: metadata in the head, navigation,
// the article, a related-links box, comments and scripts around it.
func HTML(d Doc) []byte {
	var b bytes.Buffer
	esc := html.EscapeString
	b.WriteString("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
	fmt.Fprintf(&b, "<title>%s | %s</title>\n", esc(d.Title), esc(d.Outlet))
	fmt.Fprintf(&b, "<meta property=\"og:title\" content=\"%s\">\n<meta property=\"og:site_name\" content=\"%s\">\n", esc(d.Title), esc(d.Outlet))
	fmt.Fprintf(&b, "<meta property=\"og:url\" content=\"%s\">\n<link rel=\"canonical\" href=\"%s\">\n", esc(d.URL), esc(d.URL))
	fmt.Fprintf(&b, "<meta property=\"article:published_time\" content=\"%s\">\n", esc(d.Published))
	b.WriteString("<script>window.dataLayer=[];function gtag(){dataLayer.push(arguments);}</script>\n<style>body{font-family:serif}.nav{display:flex}</style>\n</head>\n<body>\n")
	b.WriteString("<div class=\"cookie\">We use cookies to improve your experience.</div>\n")
	b.WriteString("<nav class=\"nav\"><a href=\"/\">Home</a> <a href=\"/world\">World</a> <a href=\"/middle-east\">Middle East</a></nav>\n<main>\n<article>\n")
	fmt.Fprintf(&b, "<h1>%s</h1>\n<time datetime=\"%s\">%s</time>\n", esc(d.Title), esc(d.Published), esc(d.Published))
	for _, p := range strings.Split(d.Text, "\n\n") {
		fmt.Fprintf(&b, "<p>%s</p>\n", esc(p))
	}
	b.WriteString("</article>\n<aside><h3>You might also like</h3><ul><li><a href=\"/a\">More from the region</a></li><li><a href=\"/b\">Analysis: what comes next</a></li></ul></aside>\n</main>\n")
	b.WriteString("<footer><p>All rights reserved.</p></footer>\n<script src=\"/app.js\"></script>\n</body>\n</html>\n")
	return b.Bytes()
}
