package corpus_test

import (
	"errors"
	"testing"

	"github.com/framediff/framediff/corpus"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in, want  string
		precision corpus.Precision
	}{
		{"2018-09-07T18:16:34Z", "2018-09-07T18:16:34Z", corpus.Instant},
		{"2018-09-07T21:46:34+03:30", "2018-09-07T18:16:34Z", corpus.Instant},
		{"2018-09-07T18:16:34.123Z", "2018-09-07T18:16:34Z", corpus.Instant},
		{"2018-09-07 18:16:34", "2018-09-07T18:16:34Z", corpus.Instant},
		{"2018-09-07", "2018-09-07", corpus.Day},
		{"2017-11-16T14:15+0000", "2017-11-16T14:15:00Z", corpus.Instant},
		{"19.01.2020", "2020-01-19", corpus.Day},
		{"7.9.2018", "2018-09-07", corpus.Day},
		{"1536344194000", "2018-09-07T18:16:34Z", corpus.Instant},
		{"1536344194", "2018-09-07T18:16:34Z", corpus.Instant},
		{"07 September, 2018", "2018-09-07", corpus.Day},
		{"7 September 2018", "2018-09-07", corpus.Day},
		{"September 7, 2018", "2018-09-07", corpus.Day},
		{"Sept. 7, 2018", "2018-09-07", corpus.Day},
		{"Sep 7, 2018", "2018-09-07", corpus.Day},
		{"Friday, September 7, 2018", "2018-09-07", corpus.Day},
		{"Fri, 07 Sep 2018 18:16:34 GMT", "2018-09-07T18:16:34Z", corpus.Instant},
		{"  2018-09-07  ", "2018-09-07", corpus.Day},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			d, err := corpus.ParseDate(tc.in)
			if err != nil {
				t.Fatal(err)
			}
			if d.String() != tc.want || d.Precision != tc.precision {
				t.Errorf("ParseDate(%q) = %s (precision %d), want %s (%d)", tc.in, d, d.Precision, tc.want, tc.precision)
			}
		})
	}
	for _, bad := range []string{"", "yesterday", "2018-13-45", "12345", "99999999999", "2018-09-07T25:00:00Z", "Idlib"} {
		if d, err := corpus.ParseDate(bad); !errors.Is(err, corpus.ErrNoDate) {
			t.Errorf("ParseDate(%q) = %v, %v; want ErrNoDate", bad, d, err)
		}
	}
}
