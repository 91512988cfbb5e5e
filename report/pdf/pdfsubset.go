package pdf

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// pdfMaxSubsetRunes bounds a built subset: its cmap (one segment per run of
// consecutive characters) must stay under 64 KiB.
const pdfMaxSubsetRunes = 7000

// pdfTrueTypeSubset builds a TrueType font holding the glyphs of runes from
// src, whatever src's outlines: fpdf embeds TrueType (glyf) fonts only,
// while the Noto CJK fonts Debian ships are OpenType with PostScript (CFF)
// outlines. Cubic curves become two quadratic ones each, which differ from
// the original by far less than a printed dot at text sizes. runes must be
// sorted and unique; runes src cannot draw are left out.
func pdfTrueTypeSubset(src *sfnt.Font, runes []rune, copyright string) ([]byte, error) {
	var buf sfnt.Buffer
	upem := int(src.UnitsPerEm())
	if upem <= 0 {
		return nil, errors.New("font has no units per em")
	}
	ppem := fixed.I(upem)
	type glyph struct {
		data    []byte
		advance int
		xMin    int
	}
	glyphs := []glyph{{}} // glyph 0: an empty .notdef
	var kept []rune
	bbox := [4]int{math.MaxInt16, math.MaxInt16, math.MinInt16, math.MinInt16}
	maxAdvance, maxPoints, maxContours := 0, 0, 0
	for _, r := range runes {
		if len(kept) == pdfMaxSubsetRunes {
			break
		}
		gi, err := src.GlyphIndex(&buf, r)
		if err != nil || gi == 0 {
			continue
		}
		segs, err := src.LoadGlyph(&buf, gi, ppem, nil)
		if err != nil {
			continue
		}
		adv, err := src.GlyphAdvance(&buf, gi, ppem, font.HintingNone)
		if err != nil {
			continue
		}
		data, box, points, contours := pdfGlyfOutline(segs)
		g := glyph{data: data, advance: int(adv.Round()), xMin: box[0]}
		if points > 0 {
			bbox = [4]int{min(bbox[0], box[0]), min(bbox[1], box[1]), max(bbox[2], box[2]), max(bbox[3], box[3])}
		} else {
			g.xMin = 0
		}
		glyphs = append(glyphs, g)
		kept = append(kept, r)
		maxAdvance = max(maxAdvance, g.advance)
		maxPoints = max(maxPoints, points)
		maxContours = max(maxContours, contours)
	}
	if len(kept) == 0 {
		return nil, errors.New("font draws none of the characters")
	}
	if bbox[0] > bbox[2] {
		bbox = [4]int{0, 0, 0, 0}
	}
	m, err := src.Metrics(&buf, ppem, font.HintingNone)
	if err != nil {
		return nil, fmt.Errorf("font metrics: %w", err)
	}
	ascent, descent := int(m.Ascent.Round()), -int(m.Descent.Round())
	capHeight := int(m.CapHeight.Round())
	if capHeight == 0 {
		capHeight = ascent
	}

	be := binary.BigEndian
	u16 := func(b []byte, v int) []byte { return be.AppendUint16(b, uint16(v)) }
	u32 := func(b []byte, v uint32) []byte { return be.AppendUint32(b, v) }

	// glyf and loca (long offsets).
	var glyf, loca []byte
	hmtx := []byte{}
	for _, g := range glyphs {
		loca = u32(loca, uint32(len(glyf)))
		glyf = append(glyf, g.data...)
		for len(glyf)%4 != 0 {
			glyf = append(glyf, 0)
		}
		hmtx = u16(hmtx, g.advance)
		hmtx = u16(hmtx, g.xMin)
	}
	loca = u32(loca, uint32(len(glyf)))

	head := u32(nil, 0x00010000)
	head = u32(head, 0x00010000) // font revision
	head = u32(head, 0)          // checksum adjustment, set below
	head = u32(head, 0x5F0F3CF5)
	head = u16(head, 0x000B)
	head = u16(head, upem)
	head = append(head, make([]byte, 16)...) // created, modified: fixed
	for _, v := range bbox {
		head = u16(head, v)
	}
	head = u16(head, 0) // mac style
	head = u16(head, 8) // lowest readable size
	head = u16(head, 2) // direction hint
	head = u16(head, 1) // long loca
	head = u16(head, 0)

	hhea := u32(nil, 0x00010000)
	hhea = u16(hhea, ascent)
	hhea = u16(hhea, descent)
	hhea = u16(hhea, 0)
	hhea = u16(hhea, maxAdvance)
	hhea = u16(hhea, bbox[0])
	hhea = u16(hhea, 0)
	hhea = u16(hhea, bbox[2])
	hhea = u16(hhea, 1) // caret slope rise
	hhea = append(hhea, make([]byte, 12)...)
	hhea = u16(hhea, 0)
	hhea = u16(hhea, len(glyphs))

	maxp := u32(nil, 0x00010000)
	maxp = u16(maxp, len(glyphs))
	maxp = u16(maxp, maxPoints)
	maxp = u16(maxp, maxContours)
	maxp = append(maxp, 0, 0, 0, 0) // composite points, contours
	maxp = u16(maxp, 2)             // zones
	maxp = append(maxp, make([]byte, 16)...)

	os2 := u16(nil, 4)
	os2 = u16(os2, maxAdvance/2)
	os2 = u16(os2, 400)
	os2 = u16(os2, 5)
	os2 = u16(os2, 0) // embedding allowed
	os2 = append(os2, make([]byte, 20+2+10+16)...)
	os2 = append(os2, "NONE"...)
	os2 = u16(os2, 0x40)
	os2 = u16(os2, int(min(kept[0], 0xFFFF)))
	os2 = u16(os2, int(min(kept[len(kept)-1], 0xFFFF)))
	os2 = u16(os2, ascent)
	os2 = u16(os2, descent)
	os2 = u16(os2, 0)
	os2 = u16(os2, ascent)
	os2 = u16(os2, -descent)
	os2 = append(os2, make([]byte, 8)...)
	os2 = u16(os2, int(m.XHeight.Round()))
	os2 = u16(os2, capHeight)
	os2 = append(os2, 0, 0, 0, 0x20, 0, 0)

	post := u32(nil, 0x00030000)
	post = u32(post, 0)
	post = u16(post, -upem/10)
	post = u16(post, upem/20)
	post = append(post, make([]byte, 20)...)

	// cmap: format 4, one segment per run of consecutive characters.
	type seg struct{ start, end, delta int }
	var segs []seg
	for i, r := range kept {
		gid := i + 1
		if n := len(segs); n > 0 && segs[n-1].end+1 == int(r) {
			segs[n-1].end = int(r)
			continue
		}
		segs = append(segs, seg{int(r), int(r), gid - int(r)})
	}
	segs = append(segs, seg{0xFFFF, 0xFFFF, 1})
	n := len(segs)
	sr := 2
	es := 0
	for sr*2 <= 2*n {
		sr *= 2
		es++
	}
	sub := u16(nil, 4)
	sub = u16(sub, 16+8*n)
	sub = u16(sub, 0)
	sub = u16(sub, 2*n)
	sub = u16(sub, sr)
	sub = u16(sub, es)
	sub = u16(sub, 2*n-sr)
	for _, s := range segs {
		sub = u16(sub, s.end)
	}
	sub = u16(sub, 0)
	for _, s := range segs {
		sub = u16(sub, s.start)
	}
	for _, s := range segs {
		sub = u16(sub, s.delta&0xFFFF)
	}
	for range segs {
		sub = u16(sub, 0)
	}
	if len(sub) > 0xFFFF {
		return nil, errors.New("too many characters for one font subset")
	}
	cmap := u16(nil, 0)
	cmap = u16(cmap, 1)
	cmap = u16(cmap, 3)
	cmap = u16(cmap, 1)
	cmap = u32(cmap, 12)
	cmap = append(cmap, sub...)

	name := pdfNameTable(map[int]string{
		0: copyright, 1: "Noto Sans CJK Subset", 2: "Regular",
		3: "Noto Sans CJK Subset", 4: "Noto Sans CJK Subset", 6: "NotoSansCJK-Subset",
	})

	tables := map[string][]byte{
		"OS/2": os2, "cmap": cmap, "glyf": glyf, "head": head, "hhea": hhea,
		"hmtx": hmtx, "loca": loca, "maxp": maxp, "name": name, "post": post,
	}
	return pdfSFNT(tables), nil
}

// pdfSFNT assembles TrueType tables into a font file, with checksums.
func pdfSFNT(tables map[string][]byte) []byte {
	be := binary.BigEndian
	tags := make([]string, 0, len(tables))
	for t := range tables {
		tags = append(tags, t)
	}
	slices.Sort(tags)
	n := len(tags)
	sr, es := 1, 0
	for sr*2 <= n {
		sr *= 2
		es++
	}
	out := be.AppendUint32(nil, 0x00010000)
	out = be.AppendUint16(out, uint16(n))
	out = be.AppendUint16(out, uint16(sr*16))
	out = be.AppendUint16(out, uint16(es))
	out = be.AppendUint16(out, uint16(n*16-sr*16))
	offset := 12 + 16*n
	headAt := 0
	var body []byte
	for _, t := range tags {
		data := tables[t]
		if t == "head" {
			headAt = offset + len(body)
		}
		out = append(out, t...)
		out = be.AppendUint32(out, pdfTableSum(data))
		out = be.AppendUint32(out, uint32(offset+len(body)))
		out = be.AppendUint32(out, uint32(len(data)))
		body = append(body, data...)
		for len(body)%4 != 0 {
			body = append(body, 0)
		}
	}
	out = append(out, body...)
	be.PutUint32(out[headAt+8:], 0xB1B0AFBA-pdfTableSum(out))
	return out
}

func pdfTableSum(b []byte) uint32 {
	var s uint32
	for i := 0; i < len(b); i += 4 {
		var w [4]byte
		copy(w[:], b[i:])
		s += binary.BigEndian.Uint32(w[:])
	}
	return s
}

// pdfNameTable writes a format 0 name table with Windows Unicode records.
func pdfNameTable(names map[int]string) []byte {
	be := binary.BigEndian
	ids := make([]int, 0, len(names))
	for id, s := range names {
		if s != "" {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	var strs []byte
	out := be.AppendUint16(nil, 0)
	out = be.AppendUint16(out, uint16(len(ids)))
	out = be.AppendUint16(out, uint16(6+12*len(ids)))
	for _, id := range ids {
		var s []byte
		for _, r := range names[id] {
			if r > 0xFFFF {
				r = '?'
			}
			s = be.AppendUint16(s, uint16(r))
		}
		out = be.AppendUint16(out, 3)
		out = be.AppendUint16(out, 1)
		out = be.AppendUint16(out, 0x409)
		out = be.AppendUint16(out, uint16(id))
		out = be.AppendUint16(out, uint16(len(s)))
		out = be.AppendUint16(out, uint16(len(strs)))
		strs = append(strs, s...)
	}
	return append(out, strs...)
}

// pdfGlyfOutline encodes segments (font units, y down) as a simple glyf
// entry, returning it with its bounding box, point and contour counts.
func pdfGlyfOutline(segs sfnt.Segments) ([]byte, [4]int, int, int) {
	type pt struct {
		x, y int
		on   bool
	}
	conv := func(p fixed.Point26_6) pt { return pt{int(p.X.Round()), -int(p.Y.Round()), true} }
	var contours [][]pt
	var cur []pt
	flush := func() {
		// TrueType closes contours itself: drop a last point repeating the first.
		if n := len(cur); n > 1 && cur[n-1] == cur[0] {
			cur = cur[:n-1]
		}
		if len(cur) > 1 {
			contours = append(contours, cur)
		}
		cur = nil
	}
	last := pt{}
	for _, s := range segs {
		switch s.Op {
		case sfnt.SegmentOpMoveTo:
			flush()
			last = conv(s.Args[0])
			cur = append(cur, last)
		case sfnt.SegmentOpLineTo:
			last = conv(s.Args[0])
			cur = append(cur, last)
		case sfnt.SegmentOpQuadTo:
			c := conv(s.Args[0])
			c.on = false
			last = conv(s.Args[1])
			cur = append(cur, c, last)
		case sfnt.SegmentOpCubeTo:
			// Split at t = 1/2 and approximate each half by the quadratic
			// whose control point is (3(c1+c2) - p0 - p3) / 4.
			p0 := [2]float64{float64(last.x), float64(last.y)}
			f := func(p fixed.Point26_6) [2]float64 { q := conv(p); return [2]float64{float64(q.x), float64(q.y)} }
			p1, p2, p3 := f(s.Args[0]), f(s.Args[1]), f(s.Args[2])
			mid := func(a, b [2]float64) [2]float64 { return [2]float64{(a[0] + b[0]) / 2, (a[1] + b[1]) / 2} }
			a1, b1, c1 := mid(p0, p1), mid(p1, p2), mid(p2, p3)
			a2, b2 := mid(a1, b1), mid(b1, c1)
			m := mid(a2, b2)
			ctrl := func(q0, q1, q2, q3 [2]float64) pt {
				return pt{int(math.Round((3*(q1[0]+q2[0]) - q0[0] - q3[0]) / 4)), int(math.Round((3*(q1[1]+q2[1]) - q0[1] - q3[1]) / 4)), false}
			}
			round := func(q [2]float64) pt { return pt{int(math.Round(q[0])), int(math.Round(q[1])), true} }
			cur = append(cur, ctrl(p0, a1, a2, m), round(m), ctrl(m, b2, c1, p3))
			last = conv(s.Args[2])
			cur = append(cur, last)
		}
	}
	flush()
	box := [4]int{math.MaxInt16, math.MaxInt16, math.MinInt16, math.MinInt16}
	points := 0
	for _, c := range contours {
		for _, p := range c {
			box = [4]int{min(box[0], p.x), min(box[1], p.y), max(box[2], p.x), max(box[3], p.y)}
			points++
		}
	}
	if points == 0 {
		return nil, [4]int{}, 0, 0
	}
	be := binary.BigEndian
	out := be.AppendUint16(nil, uint16(len(contours)))
	for _, v := range box {
		out = be.AppendUint16(out, uint16(int16(v)))
	}
	end := -1
	for _, c := range contours {
		end += len(c)
		out = be.AppendUint16(out, uint16(end))
	}
	out = be.AppendUint16(out, 0) // no instructions
	for _, c := range contours {
		for _, p := range c {
			if p.on {
				out = append(out, 1)
			} else {
				out = append(out, 0)
			}
		}
	}
	px, py := 0, 0
	for _, c := range contours {
		for _, p := range c {
			out = be.AppendUint16(out, uint16(int16(p.x-px)))
			px = p.x
		}
	}
	for _, c := range contours {
		for _, p := range c {
			out = be.AppendUint16(out, uint16(int16(p.y-py)))
			py = p.y
		}
	}
	return out, box, points, len(contours)
}
