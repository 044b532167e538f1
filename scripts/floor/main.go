// Command floor is the floor docgen's speed is measured against (package
// internal/floor) as a program: it reads the .md pages of the directories
// given and parses each with goldmark on GOMAXPROCS workers, and does
// nothing else. scripts/genspeed.sh times it beside docgen.
//
// With -tuned it first tunes its heap as docgen does for a large run (huge
// pages, internal/hugepages, and the collector paced by a heap budget,
// internal/gcpace): genspeed.sh shows that too, so that what docgen gains
// from the tuning can be told from what it gains elsewhere.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/graphdocgen/docgen/internal/floor"
	"github.com/graphdocgen/docgen/internal/gcpace"
)

func main() {
	tuned := flag.Bool("tuned", false, "tune the heap as docgen does for a large run")
	flag.Parse()
	if *tuned {
		gcpace.TuneLargeRun()
	}
	var files []string
	for _, dir := range flag.Args() {
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
