package report

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/xml"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"sort"
	"time"

	"github.com/xuri/excelize/v2"
)

// contentTypesPart is the package part listing every part's media type.
const contentTypesPart = "[Content_Types].xml"

// packageParts collects the parts excelize writes, compressed as they
// arrive, so that they can be written out again in a fixed order with fixed
// timestamps: excelize emits stream-written sheets in map order.
type packageParts struct {
	parts map[string]*packagePart
}

// packagePart is one compressed part and what its zip header needs.
type packagePart struct {
	name string
	buf  bytes.Buffer
	fw   *flate.Writer
	crc  uint32
	size uint64
	raw  []byte // kept uncompressed for the parts that are rewritten
}

func newPackageParts() *packageParts {
	return &packageParts{parts: map[string]*packagePart{}}
}

// zipWriter returns the excelize.ZipWriter that fills p.
func (p *packageParts) zipWriter(io.Writer) excelize.ZipWriter { return p }

// Create implements excelize.ZipWriter.
func (p *packageParts) Create(name string) (io.Writer, error) {
	if _, dup := p.parts[name]; dup {
		return nil, fmt.Errorf("package part %s written twice", name)
	}
	part := &packagePart{name: name}
	if name != contentTypesPart {
		fw, err := flate.NewWriter(&part.buf, flate.DefaultCompression)
		if err != nil {
			return nil, err
		}
		part.fw = fw
	}
	p.parts[name] = part
	return part, nil
}

// AddFS implements excelize.ZipWriter; excelize does not call it when saving.
func (p *packageParts) AddFS(fs.FS) error {
	return fmt.Errorf("adding a file system to the package is not supported")
}

// Close implements excelize.ZipWriter; parts are finished in writeTo.
func (p *packageParts) Close() error { return nil }

// Write compresses data into the part.
func (pp *packagePart) Write(data []byte) (int, error) {
	pp.crc = crc32.Update(pp.crc, crc32.IEEETable, data)
	pp.size += uint64(len(data))
	if pp.fw == nil {
		pp.raw = append(pp.raw, data...)
		return len(data), nil
	}
	return pp.fw.Write(data)
}

// writeTo writes the package to w as a zip: [Content_Types].xml first with
// its entries sorted, then every other part in name order, each stamped
// with modified.
func (p *packageParts) writeTo(w io.Writer, modified time.Time) error {
	zw := zip.NewWriter(w)
	ct, ok := p.parts[contentTypesPart]
	if !ok {
		return fmt.Errorf("package lacks %s", contentTypesPart)
	}
	sorted, err := sortContentTypes(ct.raw)
	if err != nil {
		return err
	}
	ct.crc, ct.size = crc32.ChecksumIEEE(sorted), uint64(len(sorted))
	if ct.fw, err = flate.NewWriter(&ct.buf, flate.DefaultCompression); err != nil {
		return err
	}
	if _, err := ct.fw.Write(sorted); err != nil {
		return fmt.Errorf("compress %s: %w", contentTypesPart, err)
	}
	names := make([]string, 0, len(p.parts))
	for name := range p.parts {
		if name != contentTypesPart {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	date, clock := msDOSTime(modified)
	for _, name := range append([]string{contentTypesPart}, names...) {
		part := p.parts[name]
		if err := part.fw.Close(); err != nil {
			return fmt.Errorf("compress %s: %w", name, err)
		}
		hdr := &zip.FileHeader{
			Name:               name,
			Method:             zip.Deflate,
			ModifiedDate:       date,
			ModifiedTime:       clock,
			CRC32:              part.crc,
			CompressedSize64:   uint64(part.buf.Len()),
			UncompressedSize64: part.size,
		}
		rw, err := zw.CreateRaw(hdr)
		if err != nil {
			return fmt.Errorf("write %s: %w", name, err)
		}
		if _, err := part.buf.WriteTo(rw); err != nil {
			return fmt.Errorf("write %s: %w", name, err)
		}
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("finish workbook: %w", err)
	}
	return nil
}

// msDOSTime returns t in the zip format's MS-DOS date and time fields;
// these alone, without the extended timestamp field, date every entry.
func msDOSTime(t time.Time) (date, clock uint16) {
	t = t.UTC()
	date = uint16(t.Day() + int(t.Month())<<5 + (t.Year()-1980)<<9)
	clock = uint16(t.Second()/2 + t.Minute()<<5 + t.Hour()<<11)
	return date, clock
}

// contentTypes is [Content_Types].xml.
type contentTypes struct {
	XMLName   xml.Name              `xml:"http://schemas.openxmlformats.org/package/2006/content-types Types"`
	Defaults  []contentTypeDefault  `xml:"Default"`
	Overrides []contentTypeOverride `xml:"Override"`
}

type contentTypeDefault struct {
	Extension   string `xml:"Extension,attr"`
	ContentType string `xml:"ContentType,attr"`
}

type contentTypeOverride struct {
	PartName    string `xml:"PartName,attr"`
	ContentType string `xml:"ContentType,attr"`
}

// sortContentTypes returns the content-types part with its Default entries
// sorted by extension and its Override entries by part name.
func sortContentTypes(data []byte) ([]byte, error) {
	var ct contentTypes
	if err := xml.Unmarshal(data, &ct); err != nil {
		return nil, fmt.Errorf("read %s: %w", contentTypesPart, err)
	}
	sort.Slice(ct.Defaults, func(i, j int) bool { return ct.Defaults[i].Extension < ct.Defaults[j].Extension })
	sort.Slice(ct.Overrides, func(i, j int) bool { return ct.Overrides[i].PartName < ct.Overrides[j].PartName })
	out, err := xml.Marshal(ct)
	if err != nil {
		return nil, fmt.Errorf("write %s: %w", contentTypesPart, err)
	}
	return append([]byte(xml.Header), out...), nil
}
