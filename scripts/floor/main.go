// Command floor is the floor docgen's speed is measured against (package
// internal/floor) as a program: it reads the .md pages of the directories
// given and parses each with goldmark on GOMAXPROCS workers, and does
// nothing else. scripts/genspeed.sh times it beside docgen.
package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/graphdocgen/docgen/internal/floor"
)

func main() {
	var files []string
	for _, dir := range os.Args[1:] {
		matches, err := filepath.Glob(filepath.Join(dir, "*.md"))
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		files = append(files, matches...)
	}
	if err := floor.New().Parse(files); err != nil {
		fmt.Fprintln(os.Stderr, err)
	}
}
