package compare

import (
	"slices"
)

// MinHash parameters. With 64 bands of 2 rows, a pair of articles whose
// shingle sets have Jaccard similarity J becomes a candidate with
// probability 1-(1-J²)^64: 0.15 at J=0.05, 0.77 at J=0.15, 0.93 at J=0.2,
// 0.9997 at J=0.35.
const (
	minhashBands = 64
	minhashRows  = 2
	minhashSize  = minhashBands * minhashRows
	// maxBucket bounds the pairs one LSH bucket contributes: a larger bucket
	// (a shingle set shared by very many articles) links each member only to
	// its neighbours in id order, so that candidate generation stays linear.
	maxBucket = 48
)

// fnv64 is FNV-1a over s; fixed, seedless and stable across runs.
func fnv64(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// mix64 is the SplitMix64 finaliser: a fixed bijective scramble of x.
func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// minhashSeeds are the per-function constants, derived from a fixed seed.
var minhashSeeds = func() [minhashSize]uint64 {
	var s [minhashSize]uint64
	x := uint64(0x6672616d65646966) // "framedif"
	for i := range s {
		x += 0x9e3779b97f4a7c15
		s[i] = mix64(x)
	}
	return s
}()

// signature returns the MinHash signature of a set of hashed shingles; an
// empty set has a signature of all ones (it collides with nothing useful).
func signature(shingles []uint64) [minhashSize]uint64 {
	var sig [minhashSize]uint64
	for i := range sig {
		sig[i] = ^uint64(0)
	}
	for _, sh := range shingles {
		for i, seed := range minhashSeeds {
			if h := mix64(sh ^ seed); h < sig[i] {
				sig[i] = h
			}
		}
	}
	return sig
}

// trigramSignature returns the MinHash signature of the hashed word
// trigrams of a document's content stems, given as their fnv64 hashes in
// order (near-copies share many trigrams, reports of one event in their
// own words few), or nil when there are fewer than three. A trigram that
// repeats changes no minimum, so the trigrams are hashed as they come
// rather than made into a set first.
func trigramSignature(hs []uint64) *[minhashSize]uint64 {
	if len(hs) < 3 {
		return nil
	}
	sig := new([minhashSize]uint64)
	for i := range sig {
		sig[i] = ^uint64(0)
	}
	for i := 2; i < len(hs); i++ {
		sh := trigramHash(hs[i-2], hs[i-1], hs[i])
		for k, seed := range minhashSeeds {
			if h := mix64(sh ^ seed); h < sig[k] {
				sig[k] = h
			}
		}
	}
	return sig
}

// trigramHash is the hash of the trigram of stems hashed a, b and c.
func trigramHash(a, b, c uint64) uint64 {
	return mix64(mix64(a^0x2545f4914f6cdd1d)^b) ^ c
}

// pair is a candidate pair of document indexes, A < B.
type pair struct{ A, B int }

// lshCandidates returns the pairs of documents whose signatures agree on all
// rows of at least one band and that keep accepts (the date window), sorted
// and without repeats.
func lshCandidates(sigs [][minhashSize]uint64, empty []bool, keep func(a, b int) bool) []pair {
	var out []pair
	add := func(a, b int) {
		if a > b {
			a, b = b, a
		}
		if a != b && keep(a, b) {
			out = append(out, pair{a, b})
		}
	}
	buckets := map[uint64][]int{}
	var keys []uint64
	for band := 0; band < minhashBands; band++ {
		clear(buckets)
		keys = keys[:0]
		for d, sig := range sigs {
			if empty[d] {
				continue
			}
			k := uint64(band) * 0x9e3779b97f4a7c15
			for r := 0; r < minhashRows; r++ {
				k = mix64(k ^ sig[band*minhashRows+r])
			}
			if _, ok := buckets[k]; !ok {
				keys = append(keys, k)
			}
			buckets[k] = append(buckets[k], d)
		}
		for _, k := range keys {
			members := buckets[k]
			if len(members) < 2 {
				continue
			}
			if len(members) > maxBucket {
				for i := 1; i < len(members); i++ {
					add(members[i-1], members[i])
				}
				continue
			}
			for i := range members {
				for j := i + 1; j < len(members); j++ {
					add(members[i], members[j])
				}
			}
		}
	}
	return sortPairs(out, len(sigs))
}

// sortPairs sorts pairs of document indexes below n and drops repeats. The
// pairs are placed by A with a counting sort, so that only each document's
// own few partners are compared: linear in the number of pairs, where one
// comparison sort of them all would not be.
func sortPairs(ps []pair, n int) []pair {
	start := make([]int, n+1)
	for _, p := range ps {
		start[p.A+1]++
	}
	for i := 1; i <= n; i++ {
		start[i] += start[i-1]
	}
	bs := make([]int, len(ps))
	next := slices.Clone(start[:n])
	for _, p := range ps {
		bs[next[p.A]] = p.B
		next[p.A]++
	}
	out := ps[:0]
	for a := 0; a < n; a++ {
		run := bs[start[a]:start[a+1]]
		slices.Sort(run)
		for k, b := range run {
			if k == 0 || b != run[k-1] {
				out = append(out, pair{a, b})
			}
		}
	}
	return out
}
