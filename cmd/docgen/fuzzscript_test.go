package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestFuzzScriptCoversEveryTarget: scripts/fuzz.sh explores every fuzz
// target of the repository, and the README counts them right.
func TestFuzzScriptCoversEveryTarget(t *testing.T) {
	fuzzFunc := regexp.MustCompile(`(?m)^func (Fuzz\w+)\(`)
	var targets []string
	err := filepath.WalkDir("../..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && path != "../.." && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata") {
			return filepath.SkipDir
		}
		if !strings.HasSuffix(path, "_test.go") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel("../..", filepath.Dir(path))
		for _, m := range fuzzFunc.FindAllStringSubmatch(string(src), -1) {
			targets = append(targets, "./"+filepath.ToSlash(rel)+" "+m[1])
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	script, err := os.ReadFile("../../scripts/fuzz.sh")
	if err != nil {
		t.Fatal(err)
	}
	var explored []string
	for _, m := range regexp.MustCompile(`(?m)^fuzz (\S+) (Fuzz\w+) \d+$`).FindAllStringSubmatch(string(script), -1) {
		explored = append(explored, m[1]+" "+m[2])
	}
	slices.Sort(targets)
	slices.Sort(explored)
	if !slices.Equal(targets, explored) {
		t.Errorf("scripts/fuzz.sh explores\n%s\nthe repository's fuzz targets are\n%s", strings.Join(explored, "\n"), strings.Join(targets, "\n"))
	}
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	words := []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"}
	if len(targets) >= len(words) {
		t.Fatalf("%d fuzz targets: extend the number words", len(targets))
	}
	for _, phrase := range []string{"(" + words[len(targets)] + " targets;", "explores all " + words[len(targets)] + " targets"} {
		if !strings.Contains(strings.Join(strings.Fields(string(readme)), " "), phrase) {
			t.Errorf("README should say %q: the repository has %d fuzz targets", phrase, len(targets))
		}
	}
}
