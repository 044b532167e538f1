// Command docgen turns Microsoft Graph resource pages into Go types with
// JSON codecs.
//
//	docgen [-out DIR] [-pkg NAME] [-check] [-localized] [-model FILE] [-v] PATH...
//	docgen lint [-json] [-severity error|warning|none] PATH...
//
// PATH is a markdown page or a directory of them. Exit status: 0 on success
// (warnings allowed), 1 when the input has errors (nothing is written) or
// -check finds drift, 2 for usage errors and unreadable paths.
package main

import (
	"context"
	"flag"
	"fmt"
	"go/token"
	"io"
	"maps"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"unicode"

	"github.com/graphdocgen/docgen/emit"
	"github.com/graphdocgen/docgen/internal/outdir"
	"github.com/graphdocgen/docgen/model"
	"github.com/graphdocgen/docgen/parser"
)

func main() {
	// SIGINT and SIGTERM cancel ctx instead of killing the process, so a
	// run stops before its output is committed, or finishes the commit.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := runContext(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// writeStep is passed to emit.WriteContext; nil except in the tests that
// interrupt a run at a chosen step.
var writeStep func(phase string, i int)

func run(args []string, stdout, stderr io.Writer) int {
	return runContext(context.Background(), args, stdout, stderr)
}

// shownWarnings is how many warnings print without -v.
const shownWarnings = 20

func runContext(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] == "lint" {
		return runLint(args[1:], stdout, stderr) // lint.go
	}
	fs := flag.NewFlagSet("docgen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", ".", "directory to write the generated Go files to")
	pkg := fs.String("pkg", "", "Go package name (default: the -out directory's name)")
	check := fs.Bool("check", false, "write nothing; print a diff and exit 1 if -out differs from what the docs generate")
	localized := fs.Bool("localized", false, "write doc comments in the page's own language when it is localized")
	verbose := fs.Bool("v", false, "print every warning")
	modelOut := fs.String("model", "", "also write the resolved model as JSON to this file")
	types := fs.String("types", "", "generate only these types (comma-separated names or globs) and what they need")
	typesFrom := fs.String("types-from", "", "like -types, from a file with one name or glob per line (# comments)")
	noDerived := fs.Bool("no-derived", false, "with -types: leave out derived types that polymorphic properties would need")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: docgen [flags] PATH...\n       docgen lint [-json] [-severity error|warning|none] PATH...")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return 2
	}
	if *out == "" {
		fmt.Fprintln(stderr, "docgen: -out must name a directory")
		return 2
	}
	if *pkg == "" {
		abs, err := filepath.Abs(*out)
		if err != nil {
			fmt.Fprintf(stderr, "docgen: %v\n", err)
			return 2
		}
		*pkg = packageName(filepath.Base(abs))
	}
	if !token.IsIdentifier(*pkg) || token.IsKeyword(*pkg) {
		fmt.Fprintf(stderr, "docgen: -pkg %q is not a valid Go package name\n", *pkg)
		return 2
	}

	files, err := parser.Files(fs.Args())
	if err != nil {
		fmt.Fprintf(stderr, "docgen: %v\n", err)
		return 2
	}
	pages, diags, err := parser.ParseFiles(files)
	if err != nil {
		// Unreadable files (DG004) are path errors: exit 2, as for a missing path.
		report(stderr, diags, *verbose)
		fmt.Fprintf(stderr, "docgen: %v; nothing written\n", err)
		return 2
	}
	schema := model.Resolve(pages, &diags)
	diags = append(diags, emit.NameCollisions(schema)...) // emit renames them; say so
	report(stderr, diags, *verbose)
	if diags.HasErrors() {
		fmt.Fprintln(stderr, "docgen: errors in the input; nothing written")
		return 1
	}
	if patterns, err := typePatterns(*types, *typesFrom); err != nil {
		fmt.Fprintf(stderr, "docgen: %v\n", err)
		return 2
	} else if len(patterns) > 0 {
		sub, why, err := schema.Subset(patterns, model.SubsetOptions{NoDerived: *noDerived})
		if err != nil {
			fmt.Fprintf(stderr, "docgen: -types: %v\n", err)
			return 2
		}
		if *verbose {
			for _, name := range model.SortedNames(why) {
				fmt.Fprintf(stderr, "docgen: kept %s\n", model.KeptPath(why, name))
			}
		}
		fmt.Fprintf(stderr, "docgen: -types kept %d of %d types and %d of %d enums\n", len(sub.Types), len(schema.Types), len(sub.Enums), len(schema.Enums))
		schema = sub
	}

	// Files whose source is unchanged since the last run into -out are
	// read back instead of formatted (outdir.Cache checks their bytes).
	cache := loadCache(*out)
	generated, err := emit.Generate(schema, emit.Options{Package: *pkg, Localized: *localized, Formatted: cache.Lookup})
	if err != nil {
		fmt.Fprintf(stderr, "docgen: %v\n", err)
		return 1
	}
	var dump []byte
	if *modelOut != "" {
		if dump, err = schema.MarshalDump(); err != nil {
			fmt.Fprintf(stderr, "docgen: %v\n", err)
			return 1
		}
	}
	if *check {
		diff, err := outdir.Check(*out, outFiles(generated))
		if err != nil {
			fmt.Fprintf(stderr, "docgen: %v\n", err)
			return 2
		}
		if diff != "" {
			fmt.Fprint(stdout, diff)
			fmt.Fprintf(stderr, "docgen: %s in %s\n", outdir.DescribeDrift(diff), *out)
			return 1
		}
		return 0
	}
	if ctx.Err() != nil {
		fmt.Fprintln(stderr, "docgen: interrupted; nothing written")
		return 1
	}
	if _, err := outdir.WriteContext(ctx, *out, outFiles(generated), outdir.WriteOptions{Step: writeStep}); err != nil {
		fmt.Fprintf(stderr, "docgen: %v\n", err)
		return 1
	}
	if ctx.Err() != nil {
		fmt.Fprintf(stderr, "docgen: interrupted while the new output was being put in place; %s holds all of it\n", *out)
		return 1
	}
	saveCache(stderr, *out, generated)
	if dump != nil {
		if err := outdir.WriteFileAtomic(*modelOut, dump); err != nil {
			fmt.Fprintf(stderr, "docgen: %v\n", err)
			return 1
		}
	}
	return 0
}

// report prints errors always, warnings up to a limit unless verbose, and a
// one-line count.
func report(w io.Writer, diags model.Diagnostics, verbose bool) {
	var errs, warns int
	byCode := map[model.Code]int{}
	for _, d := range diags {
		byCode[d.Code]++
		if d.Severity == model.Error {
			errs++
			fmt.Fprintln(w, d)
			continue
		}
		warns++
		if verbose || warns <= shownWarnings {
			fmt.Fprintln(w, d)
		}
	}
	if !verbose && warns > shownWarnings {
		fmt.Fprintf(w, "docgen: %d more warnings not shown (use -v)\n", warns-shownWarnings)
	}
	if errs+warns > 0 {
		var kinds []string
		for _, c := range slices.Sorted(maps.Keys(byCode)) {
			kinds = append(kinds, fmt.Sprintf("%s %d", c, byCode[c]))
		}
		fmt.Fprintf(w, "docgen: %d error(s), %d warning(s) (%s)\n", errs, warns, strings.Join(kinds, ", "))
	}
}

// packageName derives a valid package name from a directory name: v1.0
// becomes v1_0, 001 becomes p001.
func packageName(dir string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(dir) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' {
			b.WriteRune(r)
		} else {
			b.WriteByte('_')
		}
	}
	name := b.String()
	if name == "" || !unicode.IsLetter([]rune(name)[0]) || token.IsKeyword(name) {
		name = "p" + name
	}
	return name
}

// typePatterns gathers -types and -types-from into one list.
func typePatterns(list, file string) ([]string, error) {
	var out []string
	for p := range strings.SplitSeq(list, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	if file != "" {
		raw, err := os.ReadFile(file)
		if err != nil {
			return nil, err
		}
		for line := range strings.SplitSeq(string(raw), "\n") {
			line, _, _ = strings.Cut(line, "#")
			if line = strings.TrimSpace(line); line != "" {
				out = append(out, line)
			}
		}
	}
	return out, nil
}

// outFiles drops what only emit knows (the page a file comes from).
func outFiles(files []emit.File) []outdir.File {
	out := make([]outdir.File, len(files))
	for i, f := range files {
		out[i] = outdir.File{Name: f.Name, Content: f.Content}
	}
	return out
}
