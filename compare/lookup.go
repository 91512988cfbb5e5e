package compare

import "github.com/framediff/framediff/corpus"

// Event returns the event with the given id.
func (r *Result) Event(id string) (Event, bool) {
	for _, e := range r.Events {
		if e.ID == id {
			return e, true
		}
	}
	return Event{}, false
}

// Article returns the article with the given id.
func (r *Result) Article(id string) (*corpus.Article, bool) {
	for i := range r.Articles {
		if r.Articles[i].ID == id {
			return &r.Articles[i], true
		}
	}
	return nil, false
}

// EventAlignments returns the alignments of one event, in the Result's
// order (article pair, then position).
func (r *Result) EventAlignments(id string) []Alignment {
	var out []Alignment
	for _, a := range r.Alignments {
		if a.Event == id {
			out = append(out, a)
		}
	}
	return out
}

// EventOf returns the id of the event an article belongs to.
func (r *Result) EventOf(article string) (string, bool) {
	for _, e := range r.Events {
		for _, a := range e.Articles {
			if a == article {
				return e.ID, true
			}
		}
	}
	return "", false
}
