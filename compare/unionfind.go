package compare

// unionFind joins the numbers 0 … n-1 into disjoint sets. Each set's root is
// its smallest member, so that roots (and whatever is ordered by them) do not
// depend on the order of the unions.
type unionFind []int

// newUnionFind returns n sets of one member each.
func newUnionFind(n int) unionFind {
	u := make(unionFind, n)
	for i := range u {
		u[i] = i
	}
	return u
}

// find returns the root of i's set, halving the path on the way.
func (u unionFind) find(i int) int {
	for u[i] != i {
		u[i] = u[u[i]]
		i = u[i]
	}
	return i
}

// union joins the sets of a and b.
func (u unionFind) union(a, b int) {
	ra, rb := u.find(a), u.find(b)
	if ra != rb {
		u[max(ra, rb)] = min(ra, rb)
	}
}
