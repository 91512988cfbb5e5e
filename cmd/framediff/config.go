package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"go.yaml.in/yaml/v3"

	"github.com/framediff/framediff/internal/yamlkeys"
)

// configName is the config file read from the working directory when
// --config does not name one.
const configName = "framediff.yaml"

// configKeys maps each config key to the flag it sets and whether its value
// is a path (resolved against the config file's directory). Keys a command
// has no flag for are ignored by that command.
var configKeys = map[string]struct {
	flag string
	path bool
}{
	"inputs":    {"", true},
	"out":       {"out", true},
	"format":    {"format", false},
	"lexicon":   {"lexicon", true},
	"entities":  {"entities", true},
	"registry":  {"registry", true},
	"rules":     {"rules", true},
	"window":    {"window", false},
	"threshold": {"threshold", false},
	"workers":   {"workers", false},
	"strict":    {"strict", false},
	"verbose":   {"verbose", false},
	"title":     {"title", false},
	"paper":     {"paper", false},
	"blind":     {"blind", false},
	"events":    {"events", false},
	"summary":   {"summary", true},
	"cache":     {"cache", true},
	"fail_on":   {"fail-on", false},
}

// config is a parsed config file: flag values by flag name, and the input
// paths used when a command is given none.
type config struct {
	file   string
	flags  map[string][]string
	lines  map[string]int // the line of each flag's key
	inputs []string
}

// loadConfig reads the config file: path when given (it must exist), else
// framediff.yaml in the working directory when there is one. It returns
// nil when there is no config. Mistakes are UsageErrors naming the line.
func loadConfig(path string) (*config, error) {
	explicit := path != ""
	if !explicit {
		path = configName
	}
	data, err := os.ReadFile(path)
	if err != nil {
		if !explicit && errors.Is(err, fs.ErrNotExist) {
			return nil, nil
		}
		return nil, usageErrorf("config %s: %v", path, describe(err))
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, usageErrorf("config %s: %v", path, err)
	}
	c := &config{file: path, flags: map[string][]string{}, lines: map[string]int{}}
	if len(doc.Content) == 0 {
		return c, nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, usageErrorf("%s:%d: want a mapping of keys such as out: and format:", path, root.Line)
	}
	dir := filepath.Dir(path)
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		key, ok := configKeys[k.Value]
		if !ok {
			if s := yamlkeys.Closest(k.Value, sortedConfigKeys()); s != "" {
				return nil, usageErrorf("%s:%d: unknown key %q (did you mean %q?)", path, k.Line, k.Value, s)
			}
			return nil, usageErrorf("%s:%d: unknown key %q; known keys: %s", path, k.Line, k.Value, strings.Join(sortedConfigKeys(), ", "))
		}
		values, err := scalars(v)
		if err != nil {
			return nil, usageErrorf("%s:%d: %s: %v", path, v.Line, k.Value, err)
		}
		if key.path {
			for j, s := range values {
				if s != "-" && !filepath.IsAbs(s) {
					values[j] = filepath.Join(dir, s)
				}
			}
		}
		if k.Value == "inputs" {
			c.inputs = values
			continue
		}
		c.flags[key.flag] = values
		c.lines[key.flag] = k.Line
	}
	return c, nil
}

// sortedConfigKeys returns the config keys in order.
func sortedConfigKeys() []string {
	keys := make([]string, 0, len(configKeys))
	for k := range configKeys {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// scalars returns a scalar's value, or a list of scalars' values.
func scalars(n *yaml.Node) ([]string, error) {
	switch n.Kind {
	case yaml.ScalarNode:
		return []string{n.Value}, nil
	case yaml.SequenceNode:
		var out []string
		for _, item := range n.Content {
			if item.Kind != yaml.ScalarNode {
				return nil, fmt.Errorf("line %d: want a value, not a nested list or mapping", item.Line)
			}
			out = append(out, item.Value)
		}
		return out, nil
	}
	return nil, errors.New("want a value or a list of values")
}

// apply sets each configured flag that cmd has and the command line did
// not set. A list goes to a list flag item by item, else joined by commas.
func (c *config) apply(cmd *cobra.Command) error {
	names := make([]string, 0, len(c.flags))
	for name := range c.flags {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		f := cmd.Flags().Lookup(name)
		if f == nil || f.Changed {
			continue
		}
		values := c.flags[name]
		if _, isList := f.Value.(pflag.SliceValue); isList {
			for _, v := range values {
				if err := f.Value.Set(v); err != nil {
					return usageErrorf("%s:%d: %s: %v", c.file, c.lines[name], name, err)
				}
			}
		} else if err := cmd.Flags().Set(name, strings.Join(values, ",")); err != nil {
			return usageErrorf("%s:%d: %s", c.file, c.lines[name], configValueError(name, values, err))
		}
	}
	return nil
}

func configValueError(name string, values []string, err error) string {
	var num *strconv.NumError
	if errors.As(err, &num) {
		return fmt.Sprintf("%s: %q is not a number", name, strings.Join(values, ","))
	}
	return fmt.Sprintf("%s: %v", name, err)
}
