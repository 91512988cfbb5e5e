package corpus

import (
	"time"
)

// Precision says how much of a Date is known.
type Precision int

const (
	// Unknown means no date is known.
	Unknown Precision = iota
	// Day means only the calendar date is known.
	Day
	// Instant means the date and the time of day are known.
	Instant
)

// Date is a publication date that keeps the precision it was given with: a
// date written without a time stays a date.
type Date struct {
	Time      time.Time
	Precision Precision
}

// IsZero reports whether no date is known.
func (d Date) IsZero() bool { return d.Precision == Unknown }

// String returns "" for an unknown date, "2006-01-02" for a day and RFC 3339
// in UTC for an instant.
func (d Date) String() string {
	switch d.Precision {
	case Day:
		return d.Time.Format("2006-01-02")
	case Instant:
		return d.Time.UTC().Format(time.RFC3339)
	}
	return ""
}

// MarshalText implements encoding.TextMarshaler with String's format.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }
