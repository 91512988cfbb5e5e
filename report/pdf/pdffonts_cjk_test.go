package pdf

import "testing"

// TestPDFMayHoldCJK checks that the byte test never passes over a
// character pdfIsCJK draws with the CJK face.
func TestPDFMayHoldCJK(t *testing.T) {
	for r := rune(0); r <= 0x10FFFF; r++ {
		if pdfIsCJK(r) && !pdfMayHoldCJK("abc "+string(r)+" def") {
			t.Fatalf("%U is CJK but pdfMayHoldCJK is false", r)
		}
	}
	if pdfMayHoldCJK("plain English, café and naïve") {
		t.Error("Latin text reported as possibly CJK")
	}
}
