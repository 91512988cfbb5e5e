package corpus

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Epoch numbers are accepted as publication times only within this range,
// so that an ordinary number on a line of its own is not taken for a date.
var (
	minEpoch = time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC)
	maxEpoch = time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC)
)

var instantLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04Z0700",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05 MST",
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	time.RFC850,
	time.ANSIC,
}

// localInstantLayouts are instants written without a zone, read as UTC.
var localInstantLayouts = []string{
	"2006-01-02T15:04:05.999999999",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
}

var dayLayouts = []string{
	"2006-01-02",
	"2006/01/02",
	"02.01.2006",
	"2.1.2006",
	"02 January, 2006",
	"2 January, 2006",
	"02 January 2006",
	"2 January 2006",
	"January 2, 2006",
	"January 2 2006",
	"January 02, 2006",
	"Jan 2, 2006",
	"Jan. 2, 2006",
	"2 Jan 2006",
	"02 Jan 2006",
	"2 Jan, 2006",
	"Monday, January 2, 2006",
	"Monday, 2 January 2006",
	"Monday 2 January 2006",
	"Mon, 2 Jan 2006",
	"Mon, January 2, 2006",
}

// ErrNoDate is returned by ParseDate for text that is not a date.
var ErrNoDate = errors.New("not a date")

// ParseDate reads a publication date: RFC 3339 (and common variants, read
// as UTC when they carry no zone), "2018-09-07", Unix epoch seconds or
// milliseconds, "07 September, 2018", "September 7, 2018" and similar.
// The result keeps the precision given: a date without a time is a Day.
// It returns an error wrapping ErrNoDate when s matches no form.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Date{}, fmt.Errorf("empty date: %w", ErrNoDate)
	}
	if len(s) > 64 {
		return Date{}, fmt.Errorf("%.40q…: %w", s, ErrNoDate)
	}
	if d, ok := parseEpoch(s); ok {
		return d, nil
	}
	// The two commonest forms first: 2018-09-07 and RFC 3339.
	if len(s) == 10 && s[4] == '-' && s[7] == '-' {
		if t, err := time.Parse("2006-01-02", s); err == nil {
			return Date{Time: t, Precision: Day}, nil
		}
	} else if len(s) >= 20 && s[10] == 'T' {
		if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
			return Date{Time: t.UTC(), Precision: Instant}, nil
		}
	}
	for _, l := range instantLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return Date{Time: t.UTC(), Precision: Instant}, nil
		}
	}
	for _, l := range localInstantLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return Date{Time: t, Precision: Instant}, nil
		}
	}
	for _, l := range dayLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return Date{Time: t, Precision: Day}, nil
		}
	}
	// "Sept." and a trailing "GMT"-like zone name are common in datelines.
	if r := strings.Replace(s, "Sept", "Sep", 1); r != s {
		return ParseDate(r)
	}
	return Date{}, fmt.Errorf("%q: %w", s, ErrNoDate)
}

// parseEpoch reads 10-digit seconds or 13-digit milliseconds within
// [minEpoch, maxEpoch).
func parseEpoch(s string) (Date, bool) {
	if len(s) != 10 && len(s) != 13 {
		return Date{}, false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return Date{}, false
		}
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return Date{}, false
	}
	var t time.Time
	if len(s) == 13 {
		t = time.UnixMilli(n).UTC()
	} else {
		t = time.Unix(n, 0).UTC()
	}
	if t.Before(minEpoch) || !t.Before(maxEpoch) {
		return Date{}, false
	}
	return Date{Time: t, Precision: Instant}, true
}

// looksLikeDateLine is a cheap filter before ParseDate on header lines.
func looksLikeDateLine(s string) bool {
	if len(s) < 8 || len(s) > 40 {
		return false
	}
	digits := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			digits++
		}
	}
	return digits >= 4
}
