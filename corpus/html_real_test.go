package corpus_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReadRealHTML reads news pages saved from their sites (see
// testdata/html/SOURCES.md) and checks what was read against what each
// page shows a reader: its headline, its publication date (from the page's
// own markup, read by hand), its outlet, how the article begins and ends,
// and that no page furniture is taken for article text.
func TestReadRealHTML(t *testing.T) {
	tests := []struct {
		file, title, published, outlet, lang string
		first, last                          string
		absent                               []string
	}{
		{
			file:      "lemonde-renseignement.html",
			title:     "Le projet de loi sur le renseignement massivement approuvé à l'Assemblée",
			published: "2015-05-04T11:36:31Z", // 13h36 in Paris
			outlet:    "Le Monde.fr",
			lang:      "fr",
			first:     "Les députés ont, sans surprise, adopté à une large majorité",
			last:      "Aucune mesure de rétorsion ne pourra viser l’agent qui aurait dénoncé des actes potentiellement illégaux.",
			absent:    []string{"Abonnez-vous", "Newsletter"},
		},
		{
			file:      "nature-telescope.html",
			title:     "Gigantic Chinese telescope opens to astronomers worldwide",
			published: "2019-09-24",
			outlet:    "Nature",
			lang:      "en",
			first:     "The world’s largest single-dish radio observatory is preparing to open to astronomers around the world",
			last:      "“A successful review will definitely help,” he says.",
			absent:    []string{"Sign up for the daily Nature Briefing", "Related Articles"},
		},
		{
			file:      "zeit-zugverkehr.html",
			title:     "Zugverkehr: Im ICE von Frankfurt nach Barcelona",
			published: "2020-01-14T08:21:29Z", // 09:21 in Hamburg
			outlet:    "ZEIT ONLINE",
			lang:      "de",
			first:     "36 Stunden. So lange dauert die schnellste Zugverbindung von Madrid nach Stockholm.",
			last:      "hat die neue Strecke auch die Fahrt von Spanien nach Deutschland kaum beschleunigt.",
			absent:    []string{"Kommentare", "Abonnieren"},
		},
		{
			file:      "telegraph-mugabe.html",
			title:     "Zimbabwe coup: Robert Mugabe and wife Grace 'insisting he finishes his term', as priest steps in to mediate",
			published: "2017-11-16T14:15:00Z",
			outlet:    "The Telegraph",
			lang:      "en",
			first:     "Zimbabwe President Robert Mugabe, his wife Grace and two key figures from her G40 political faction are under house arrest",
			last:      "reduced to destitution by economic policies Mr Mugabe's critics have long blamed on him.",
			absent:    []string{"Telegraph Media Group", "More stories"},
		},
	}
	r := testReader()
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", "html", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			arts, ws := r.Read(tt.file, data)
			if len(arts) != 1 {
				t.Fatalf("read %d articles, want 1 (warnings %v)", len(arts), ws)
			}
			a := arts[0]
			if a.Title != tt.title {
				t.Errorf("title %q, want %q", a.Title, tt.title)
			}
			if got := a.Published.String(); got != tt.published {
				t.Errorf("published %q, want %q", got, tt.published)
			}
			if a.Outlet != tt.outlet {
				t.Errorf("outlet %q, want %q", a.Outlet, tt.outlet)
			}
			if a.Language != tt.lang {
				t.Errorf("language %q, want %q", a.Language, tt.lang)
			}
			text := strings.Join(strings.Fields(a.Text), " ")
			if !strings.HasPrefix(text, tt.first) {
				t.Errorf("text begins %q, want %q", text[:min(len(text), len(tt.first)+20)], tt.first)
			}
			if !strings.HasSuffix(text, tt.last) {
				t.Errorf("text ends %q, want %q", text[max(0, len(text)-len(tt.last)-20):], tt.last)
			}
			for _, s := range tt.absent {
				if strings.Contains(text, s) {
					t.Errorf("text holds page furniture %q", s)
				}
			}
		})
	}
}
