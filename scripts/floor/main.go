// Command floor is the floor docgen's speed is measured against (package
// internal/floor) as a program: it reads the .md pages of the directories
// given and parses each with goldmark on GOMAXPROCS workers, and does
// nothing else. scripts/genspeed.sh times it beside docgen.
//
// With -hugepages it first asks for huge pages as docgen does for a large
// input (internal/hugepages): genspeed.sh shows that too, so that what
// docgen gains from the advice can be told from what it gains elsewhere.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/graphdocgen/docgen/internal/floor"
	"github.com/graphdocgen/docgen/internal/hugepages"
)

func main() {
	huge := flag.Bool("hugepages", false, "advise the heap as docgen does for a large input")
	flag.Parse()
	if *huge {
		hugepages.Advise(512 << 20)
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
