// Package seeds embeds the sample corpus: five articles from five outlets on
// the 2018–2020 diplomacy over Syria's Idlib province, verbatim as saved, and
// a manifest with what their text lacks.
package seeds

import "embed"

// FS holds the seed articles and manifest.yaml.
//
//go:embed *.txt manifest.yaml
var FS embed.FS
