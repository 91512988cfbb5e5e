package corpus

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Every embedded boilerplate rule has examples, and each example holds for
// the whole rule set (so a later rule cannot undo an earlier one).
func TestBoilerplateRules(t *testing.T) {
	rs := DefaultRules()
	if len(rs.Rules) < 10 {
		t.Fatalf("only %d rules", len(rs.Rules))
	}
	for _, rule := range rs.Rules {
		t.Run(rule.Name, func(t *testing.T) {
			if len(rule.Tests) == 0 {
				t.Fatal("rule has no tests")
			}
			dropped := false
			for _, tc := range rule.Tests {
				verdict, got, by := rs.apply(tc.In)
				if verdict != keepLine {
					got = ""
				}
				if got != tc.Out {
					t.Errorf("apply(%q) = %q (rule %q), want %q", tc.In, got, by, tc.Out)
				}
				if tc.Out == "" || got != tc.In {
					dropped = true
					if by != rule.Name && verdict != keepLine {
						t.Errorf("apply(%q) decided by rule %q, want %q", tc.In, by, rule.Name)
					}
				}
			}
			if !dropped {
				t.Error("no example shows the rule removing anything")
			}
		})
	}
}

// A related-links heading takes the list under it, up to the next real
// paragraph.
func TestRelatedLinksBlock(t *testing.T) {
	in := `First paragraph of the article, which says something.

Read More:

Iran is concerned over tensions in Syria

Putin and Erdogan agree to meet next week to reduce tension in Syria
WASHINGTON – Hundreds of members of Congress signed a letter that also urges Trump to …

The article goes on after the links, as this sentence shows.`
	a, _ := NewReader().Read("x.txt", []byte("Title\n\n"+in))
	want := "First paragraph of the article, which says something.\n\nThe article goes on after the links, as this sentence shows."
	if diff := cmp.Diff(want, a[0].Text); diff != "" {
		t.Errorf("text (-want +got):\n%s", diff)
	}
}

func TestParseRulesErrors(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"bad pattern", "rules:\n  - name: x\n    action: line\n    pattern: '('\n", "r.yaml:2: rule \"x\""},
		{"bad action", "rules:\n  - name: x\n    action: erase\n    pattern: a\n", "r.yaml:2: rule \"x\": unknown action"},
		{"no name", "rules:\n  - action: line\n    pattern: a\n", "r.yaml:2: rule without a name"},
		{"not a list", "rules: 3\n", "want a top-level"},
		{"unknown rule key", "rules:\n  - name: x\n    action: line\n    patern: a\n", `r.yaml:4: unknown key "patern" (did you mean "pattern"?)`},
		{"unknown test key", "rules:\n  - name: x\n    action: line\n    pattern: a\n    tests:\n      - {in: a, outt: ''}\n", `r.yaml:6: unknown key "outt" (did you mean "out"?)`},
		{"unknown top-level key", "rule:\n  - name: x\n", `r.yaml:1: unknown key "rule" (did you mean "rules"?)`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseRules("r.yaml", []byte(tc.in))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("ParseRules error = %v, want it to contain %q", err, tc.want)
			}
		})
	}
}

func TestMergeRules(t *testing.T) {
	extra, err := ParseRules("x.yaml", []byte("rules:\n  - name: house-style\n    action: line\n    pattern: '^Listen to this article$'\n"))
	if err != nil {
		t.Fatal(err)
	}
	rs := MergeRules(DefaultRules(), extra)
	if v, _, by := rs.apply("Listen to this article"); v != dropLine || by != "house-style" {
		t.Errorf("merged rule not applied: %v %q", v, by)
	}
	if v, _, _ := DefaultRules().apply("Listen to this article"); v != keepLine {
		t.Error("MergeRules modified the default rules")
	}
}

func TestFirstBytes(t *testing.T) {
	tests := []struct {
		pattern string
		want    string // bytes in the set; "nil" for no filter
	}{
		{`^(?i:home|accueil)\s*/`, "AHah"},
		{`^\d+ min read$`, "0123456789"},
		{`^[(\[](?i:photo)`, "(["},
		{`(?i:we use cookies)`, "nil"},
		{`^(?:@\w+)+$`, "@"},
		{`^.*x`, "nil"},
	}
	for _, tc := range tests {
		t.Run(tc.pattern, func(t *testing.T) {
			set := firstBytes(tc.pattern)
			got := "nil"
			if set != nil {
				got = ""
				for b, ok := range set {
					if ok {
						got += string(rune(b))
					}
				}
			}
			if got != tc.want {
				t.Errorf("firstBytes(%q) = %q, want %q", tc.pattern, got, tc.want)
			}
		})
	}
	// The embedded rules anchored at a literal start get a filter (the
	// rule tests show it never rejects their examples).
	for _, r := range DefaultRules().Rules {
		if strings.HasPrefix(r.Pattern, "^") && !strings.HasPrefix(r.Pattern, `^(?i:\S`) && r.first == nil {
			t.Errorf("rule %s: anchored but no first-byte filter", r.Name)
		}
	}
}

func TestContainsFold(t *testing.T) {
	tests := []struct {
		s, h string
		want bool
	}{
		{"We use Cookies here", "cookie", true},
		{"WE USE COOKIES", "cookie", true},
		{"no match", "cookie", false},
		{"x (Photo: AFP)", "(photo", true},
		{"x (PHOTO: AFP)", "(photo", true},
		{"cOOKie", "cookie", true},
		{"Cookie", "cookie", true},
		{"", "a", false},
	}
	for _, tc := range tests {
		if got := containsFold(tc.s, tc.h); got != tc.want {
			t.Errorf("containsFold(%q, %q) = %v, want %v", tc.s, tc.h, got, tc.want)
		}
	}
}

// TestRuleFilters checks the byte-level filters that run before a rule's
// expression against the expression itself: a filter may pass lines the
// expression rejects, never the reverse.
func TestRuleFilters(t *testing.T) {
	lines := []string{
		"Share", "SHARE THIS", "\u017fhare", "Twitter", "Email:", "Advertisement", "ad",
		"\u212aeep reading", "Comments are closed.", "12 comments", "Leave a reply",
		"Home › World › Syria", "Read more: Syria", "Watch: the strike", "@user1, @user2",
		"(Photo: AFP)", "[Reuters]", "Sign up for our daily newsletter", "© 2024 Outlet",
		"(c) 2021", "Copyright 2019", "We use cookies to improve", "photo.JPG",
		"The army said on Monday that it had taken the town.", "Related", "Most read",
		"Follow us on Twitter", "3 min read", "",
	}
	for _, r := range DefaultRules().Rules {
		t.Run(r.Name, func(t *testing.T) {
			for _, line := range lines {
				if !r.re.MatchString(line) {
					continue
				}
				if r.prefixes != nil && !hasPrefixIn(line, r.prefixes) {
					t.Errorf("%q matches but fails the prefix filter %q", line, r.prefixes)
				}
				if len(r.rare) > 0 && !containsAnyRare(line, r.rare) {
					t.Errorf("%q matches but holds none of the hints", line)
				}
				if r.gate != nil {
					set := byteSetOf(line)
					if !set.hasAny(r.gate) || !containsAnyGated(line, r.gate, r.Hints) {
						t.Errorf("%q matches but fails the gate %q", line, r.gate)
					}
				}
			}
		})
	}
	for _, tc := range []struct {
		pattern string
		want    []string
	}{
		{`^(?i:ok)$`, []string{"ok", "o\xe2\x84"}}, // the Kelvin sign, cut at three bytes
		{`^(?i:sa|ab)c`, []string{"abc", "sac", "\u017fa"}},
		{`^\d+ min`, []string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}},
		{`^(?:@\w+)+$`, []string{"@"}},
		{`^.*x`, nil},
		{`x`, nil},
	} {
		if diff := cmp.Diff(tc.want, matchPrefixes(tc.pattern)); diff != "" {
			t.Errorf("matchPrefixes(%q) (-want +got):\n%s", tc.pattern, diff)
		}
	}
}
