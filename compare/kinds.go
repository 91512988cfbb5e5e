package compare

// AlignKind says how close the two sides of an Alignment are. It is
// written to report.json as its string.
type AlignKind string

// The kinds of alignment, closest first (see Align).
const (
	// AlignVerbatim: the same words, ignoring case and punctuation.
	AlignVerbatim AlignKind = "verbatim"
	// AlignNear: the words shared in order make up at least NearDice.
	AlignNear AlignKind = "near"
	// AlignParaphrase: fewer shared words, but content stems close enough
	// (ParaphraseCosine).
	AlignParaphrase AlignKind = "paraphrase"
)

// String returns the kind as report.json writes it.
func (k AlignKind) String() string { return string(k) }

// Label returns the kind as a reader sees it; the same words as String.
func (k AlignKind) Label() string { return string(k) }

// Op is what one run of a word diff does.
type Op string

// The runs of a word diff.
const (
	OpEqual  Op = "equal"  // in both texts
	OpDelete Op = "delete" // only in the first text (A)
	OpInsert Op = "insert" // only in the second text (B)
)

// String returns the op as report.json writes it.
func (o Op) String() string { return string(o) }

// Inserted reports whether the run is only in the second text (B).
func (o Op) Inserted() bool { return o == OpInsert }

// Deleted reports whether the run is only in the first text (A).
func (o Op) Deleted() bool { return o == OpDelete }

// Label returns the op as a reader sees it: "same", "removed", "added".
func (o Op) Label() string {
	switch o {
	case OpEqual:
		return "same"
	case OpDelete:
		return "removed"
	case OpInsert:
		return "added"
	}
	return string(o)
}

// Fidelity says how one outlet carries a quotation compared with its
// group's reference version.
type Fidelity string

// The fidelities of a Quote (the first five) and of a QuoteVersion (any).
const (
	// FidelityVerbatim: the same words; the reference version itself.
	FidelityVerbatim Fidelity = "verbatim"
	// FidelityTrimmed: a part of the reference's words.
	FidelityTrimmed Fidelity = "trimmed"
	// FidelityExtended: more than the reference's words.
	FidelityExtended Fidelity = "extended"
	// FidelityParaphrased: the same quotation, quoted in different words.
	FidelityParaphrased Fidelity = "paraphrased"
	// FidelityUnique: no other outlet quotes it.
	FidelityUnique Fidelity = "unique"
	// FidelityReported: the outlet gives the words in reported speech, a
	// sentence of its own without quotation marks (QuoteVersion only).
	FidelityReported Fidelity = "reported"
	// FidelityAbsent: the outlet leaves the quotation out (QuoteVersion
	// only).
	FidelityAbsent Fidelity = "absent"
)

// String returns the fidelity as report.json writes it.
func (f Fidelity) String() string { return string(f) }

// Label returns the fidelity as a reader sees it: "word for word",
// "shortened", "longer", "paraphrased", "only here", "reported speech" or
// "not quoted". A paraphrase is still a quotation, in quotation marks;
// reported speech is not.
func (f Fidelity) Label() string {
	switch f {
	case FidelityVerbatim:
		return "word for word"
	case FidelityTrimmed:
		return "shortened"
	case FidelityExtended:
		return "longer"
	case FidelityParaphrased:
		return "paraphrased"
	case FidelityUnique:
		return "only here"
	case FidelityReported:
		return "reported speech"
	case FidelityAbsent:
		return "not quoted"
	}
	return string(f)
}

// Quoted reports whether the outlet carries the quotation in quotation
// marks: every fidelity but reported and absent.
func (f Fidelity) Quoted() bool { return f != "" && f != FidelityReported && f != FidelityAbsent }
