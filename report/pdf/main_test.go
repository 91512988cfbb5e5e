package pdf

import "flag"

// update rewrites the golden files under testdata instead of comparing
// against them; every test of the package shares it.
var update = flag.Bool("update", false, "rewrite golden files under testdata")
