package corpus

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync/atomic"
	"time"
)

// cacheFormat changes whenever what reading produces changes shape, so
// that an old cache is never read as a new one.
const cacheFormat = "framediff-read-1"

// Cache keeps what reading each input file produced, keyed by a digest of
// the file's name and bytes and of everything reading depends on (the
// registry, the rules, the limits, the day the future-date check is made
// on and the program's format), so that an unchanged file is not read
// again. A Cache is safe for concurrent use.
type Cache struct {
	dir          string
	hits, misses atomic.Int64
}

// OpenCache returns a cache stored in dir, creating dir when needed.
func OpenCache(dir string) (*Cache, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("cache %s: %w", dir, err)
	}
	return &Cache{dir: dir}, nil
}

// Counts returns how many files were found in the cache and how many had
// to be read.
func (c *Cache) Counts() (hits, misses int) {
	return int(c.hits.Load()), int(c.misses.Load())
}

// cacheEntry is what the cache stores for one file.
type cacheEntry struct {
	Articles []Article
	Warnings []Warning
}

func (c *Cache) get(key string) ([]Article, []Warning, bool) {
	data, err := os.ReadFile(filepath.Join(c.dir, key))
	if err != nil {
		c.misses.Add(1)
		return nil, nil, false
	}
	var e cacheEntry
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&e); err != nil {
		c.misses.Add(1) // a damaged entry is read again and replaced
		return nil, nil, false
	}
	c.hits.Add(1)
	return e.Articles, e.Warnings, true
}

// put stores an entry through a temporary file and a rename, so that a
// reader never sees half of one; a failure leaves the file uncached.
func (c *Cache) put(key string, arts []Article, ws []Warning) {
	var b bytes.Buffer
	if err := gob.NewEncoder(&b).Encode(cacheEntry{arts, ws}); err != nil {
		return
	}
	f, err := os.CreateTemp(c.dir, ".tmp-*")
	if err != nil {
		return
	}
	_, werr := f.Write(b.Bytes())
	cerr := f.Close()
	if werr != nil || cerr != nil || os.Rename(f.Name(), filepath.Join(c.dir, key)) != nil {
		os.Remove(f.Name())
	}
}

// cacheKey digests everything the reading of one file depends on.
func (r *Reader) cacheKey(name, source string, data []byte, over *fields) (string, error) {
	h := sha256.New()
	enc := gob.NewEncoder(h)
	var day string
	if !r.Now.IsZero() {
		day = r.Now.UTC().Format(time.DateOnly)
	}
	var outlets []Outlet
	if r.Registry != nil {
		outlets = r.Registry.Outlets
	}
	var rules []Rule
	if r.Rules != nil {
		rules = r.Rules.Rules
	}
	for _, v := range []any{cacheFormat, name, source, day, r.maxFile(), r.MaxArticleBytes, outlets, rules, over != nil} {
		if err := enc.Encode(v); err != nil {
			return "", err
		}
	}
	if over != nil {
		if err := enc.Encode(*over); err != nil {
			return "", err
		}
	}
	h.Write(data)
	return hex.EncodeToString(h.Sum(nil)), nil
}

// readCached is read through r.Cache when there is one.
func (r *Reader) readCached(name, source string, data []byte, over *fields) ([]Article, []Warning) {
	if r.Cache == nil {
		return r.read(name, source, data, over)
	}
	key, err := r.cacheKey(name, source, data, over)
	if err != nil {
		return r.read(name, source, data, over)
	}
	if arts, ws, ok := r.Cache.get(key); ok {
		return arts, ws
	}
	arts, ws := r.read(name, source, data, over)
	r.Cache.put(key, arts, ws)
	return arts, ws
}

// GobEncode implements gob.GobEncoder: the precision, then the time in
// its binary form, so that a cached date is the same date.
func (d Date) GobEncode() ([]byte, error) {
	b, err := d.Time.MarshalBinary()
	if err != nil {
		return nil, err
	}
	return append([]byte{byte(d.Precision)}, b...), nil
}

// GobDecode implements gob.GobDecoder.
func (d *Date) GobDecode(b []byte) error {
	if len(b) == 0 {
		return errors.New("date: empty gob")
	}
	d.Precision = Precision(b[0])
	return d.Time.UnmarshalBinary(b[1:])
}
