// Command docgen turns Microsoft Graph resource pages into Go types with
// JSON codecs.
//
//	docgen [-out DIR] [-pkg NAME] [-check] [-localized] [-model FILE] [-v|-q] PATH...
//	docgen lint [-json] [-severity error|warning|none] PATH...
//
// PATH is a markdown page or a directory of them. Exit status: 0 on success
// (warnings allowed); 1 when the input has errors or holds no resource
// (nothing is written) or -check finds drift; 2 for usage errors and
// unreadable paths (all flags are checked before any page is read).
package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"go/token"
	"io"
	"maps"
	"os"
	"os/signal"
	"path"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"syscall"
	"unicode"

	"github.com/graphdocgen/docgen/emit"
	"github.com/graphdocgen/docgen/internal/outdir"
	"github.com/graphdocgen/docgen/model"
	"github.com/graphdocgen/docgen/parser"
)

func main() {
	adviseHeap = tuneLargeRun // heap.go
	// SIGINT and SIGTERM cancel ctx instead of killing the process, so a
	// run stops before its output is committed, or finishes the commit.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := runContext(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// writeStep is passed to outdir.Begin; nil except in the tests that
// interrupt a run at a chosen step.
var writeStep func(phase string, i int)

func run(args []string, stdout, stderr io.Writer) int {
	return runContext(context.Background(), args, stdout, stderr)
}

// shownWarnings is how many warnings print without -v.
const shownWarnings = 20

// config is the command line, checked before any page is read.
type config struct {
	out, pkg, modelOut               string
	check, localized, verbose, quiet bool
	patterns                         []string
	noDerived                        bool
	paths                            []string
}

func runContext(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] == "lint" {
		return runLint(args[1:], stdout, stderr) // lint.go
	}
	cfg, code := parseFlags(args, stdout, stderr)
	if cfg == nil {
		return code
	}

	files, err := parser.Files(cfg.paths)
	if err != nil {
		fmt.Fprintf(stderr, "docgen: %v\n", err)
		return 2
	}
	if len(files) == 0 {
		fmt.Fprintf(stderr, "docgen: no .md page in %s; nothing written\n", strings.Join(cfg.paths, " "))
		return 1
	}
	// The same input as the last completed run into -out, which still holds
	// that run's output: nothing to redo.
	lastRunReplayed = false
	keepExeID.Store(!cfg.check)
	// docgen's identity is settled while the pages are read: once, for
	// the key and the parser, and hashed only when the caches will use it.
	go generatorID()
	if adviseHeap != nil {
		adviseHeap(len(files), 0)
	}
	read := parser.ReadFiles(files, outdir.CachePath(cfg.out) != "")
	key := runKey(cfg, read)
	if code, ok := replayRun(cfg, key, stderr); ok {
		return code
	}
	if adviseHeap != nil {
		adviseHeap(0, inputBytes(read))
	}
	// What the run reports about its input is recorded for replayRun.
	var printed bytes.Buffer
	console := stderr
	stderr = io.MultiWriter(stderr, &printed)
	memo := loadMemo(cfg.out)
	pages, diags, err := parser.ParseRead(read, parserMemo(memo))
	read = nil
	if err != nil {
		// Unreadable files (DG004) are path errors: exit 2, as for a missing path.
		report(stderr, diags, cfg.verbose, false)
		fmt.Fprintf(stderr, "docgen: %v; nothing written\n", err)
		return 2
	}
	// What was parsed is kept for the next run now, beside the serial work
	// below: it does not depend on how the run ends. -check writes
	// nothing, the cache included.
	var saving sync.WaitGroup
	defer saving.Wait()
	if !cfg.check {
		saving.Go(func() { saveMemo(cfg.out, memo) })
	}
	// Files made from what made them in the last run into -out are read
	// back instead of made again (outdir.Cache checks their bytes), and
	// the writer does not read them a second time. They are read while
	// the model is resolved and named, on one core, which that leaves idle.
	cache := loadCache(cfg.out)
	cache.Prefetch()
	schema := model.Resolve(pages, &diags)
	names := emit.Name(schema)
	diags = append(diags, names.Collisions()...) // emit renames them; say so
	if diags.HasErrors() {
		report(stderr, diags, cfg.verbose, false)
		fmt.Fprintln(stderr, "docgen: errors in the input; nothing written")
		return 1
	}
	if len(schema.Types)+len(schema.Enums) == 0 {
		// Generating nothing would remove every docgen file in -out as an
		// orphan: a wrong path must not cost the previous output.
		report(stderr, diags, cfg.verbose, cfg.quiet)
		fmt.Fprintf(stderr, "docgen: no resource found in the %d page(s) given (a resource page has a \"blockType: resource\" annotation); nothing written\n", len(files))
		return 1
	}
	var kept string
	if len(cfg.patterns) > 0 {
		// Before the warnings: a -types mistake is a usage error, and is
		// best seen alone.
		sub, why, err := schema.Subset(cfg.patterns, model.SubsetOptions{NoDerived: cfg.noDerived})
		if err != nil {
			fmt.Fprintf(stderr, "docgen: -types: %v; nothing written\n", err)
			return 2
		}
		if cfg.verbose {
			for _, name := range model.SortedNames(why) {
				fmt.Fprintf(stderr, "docgen: kept %s\n", model.KeptPath(why, name))
			}
		}
		kept = fmt.Sprintf("-types kept %d of %d types and %d of %d enums; ", len(sub.Types), len(schema.Types), len(sub.Enums), len(schema.Enums))
		schema = sub
		names = emit.Name(sub) // the subset's own names, as a run on it alone gives
	}
	warnings := report(stderr, diags, cfg.verbose, cfg.quiet)
	if !cfg.quiet {
		notGiven(stderr, diags, len(files))
	}
	report := printed.Bytes()
	stderr = console // what follows depends on -out, not on the input

	schema.RenamePages(pageNamer(cfg.out))
	var dump []byte
	if cfg.modelOut != "" {
		if dump, err = schema.MarshalDump(); err != nil {
			fmt.Fprintf(stderr, "docgen: %v\n", err)
			return 1
		}
	}
	// Every output is in place or none: the model is staged beside its path
	// (a bad -model fails here, before -out is touched) and renamed right
	// after -out's commit; each generated file is staged in -out as soon as
	// it is made, and all are committed together.
	var staged *outdir.StagedFile
	var writer *outdir.Writer
	if !cfg.check {
		if ctx.Err() != nil {
			fmt.Fprintln(stderr, "docgen: interrupted; nothing written")
			return 1
		}
		if dump != nil {
			if staged, err = outdir.StageFile(cfg.modelOut, dump); err != nil {
				fmt.Fprintf(stderr, "docgen: -model %v; nothing written\n", err)
				return 2
			}
		}
		if writer, err = outdir.Begin(ctx, cfg.out, outdir.WriteOptions{Step: writeStep, Holds: cache.Holds}); err != nil {
			if staged != nil {
				staged.Discard()
			}
			fmt.Fprintf(stderr, "docgen: %v\n", err)
			return 1
		}
	}
	abort := func() {
		if writer != nil {
			writer.Abort()
		}
		if staged != nil {
			staged.Discard()
		}
	}
	opts := emit.Options{Package: cfg.pkg, Localized: cfg.localized, Formatted: cache.Lookup}
	sums := &fileSums{}
	if writer != nil {
		opts.Done = func(f emit.File) {
			writer.Stage(outdir.File{Name: f.Name, Content: f.Content})
			sums.add(f.Name, cache.Sum(f.Name, f.Content))
		}
	}
	generated, err := names.Generate(opts)
	if err != nil {
		abort()
		fmt.Fprintf(stderr, "docgen: %v\n", err)
		return 1
	}
	if cfg.check {
		return runCheck(cfg, generated, dump, warnings, stdout, stderr)
	}
	if ctx.Err() != nil {
		abort()
		fmt.Fprintln(stderr, "docgen: interrupted; nothing written")
		return 1
	}
	res, err := writer.Commit(outFiles(generated))
	if err != nil {
		if staged != nil {
			staged.Discard()
		}
		fmt.Fprintf(stderr, "docgen: %v\n", err)
		return 1
	}
	modelNote := ""
	if staged != nil {
		changed := staged.Changed()
		if err := staged.Commit(); err != nil {
			fmt.Fprintf(stderr, "docgen: -model %v (%s was written)\n", err, cfg.out)
			return 1
		}
		if changed {
			modelNote = ", model written"
		}
	}
	if cfg.verbose {
		for _, path := range res.Removed {
			fmt.Fprintf(stderr, "docgen: removed %s (docgen file no longer generated)\n", path)
		}
	}
	if ctx.Err() != nil {
		fmt.Fprintf(stderr, "docgen: interrupted while the new output was being put in place; %s holds all of it\n", cfg.out)
		return 1
	}
	if saveCache(stderr, cfg, generated, sums) { // one warning when the cache directory is unwritable
		saveRun(stderr, cfg, key, generated, sums, dump, report, kept, warnings)
	}
	if !cfg.quiet {
		fmt.Fprintf(stderr, "docgen: %s%s: %d written, %d unchanged, %d removed%s; %s\n",
			kept, cfg.out, len(res.Written), res.Unchanged, len(res.Removed), modelNote, warnings)
	}
	return 0
}

// runCheck is -check: nothing is written; drift in -out (or in the -model
// file) prints a diff on stdout and exits 1.
func runCheck(cfg *config, generated []emit.File, dump []byte, warnings string, stdout, stderr io.Writer) int {
	drift, err := outdir.Check(cfg.out, outFiles(generated))
	if err != nil {
		fmt.Fprintf(stderr, "docgen: %v\n", err)
		return 2
	}
	fmt.Fprint(stdout, drift.Diff)
	modelDrift := false
	if dump != nil {
		old, err := os.ReadFile(cfg.modelOut)
		if err != nil && !errors.Is(err, os.ErrNotExist) {
			fmt.Fprintf(stderr, "docgen: -model %v\n", err)
			return 2
		}
		if !bytes.Equal(old, dump) {
			modelDrift = true
			from := cfg.modelOut
			if err != nil {
				from = "/dev/null"
			}
			fmt.Fprint(stdout, outdir.UnifiedDiff(from, cfg.modelOut, string(old), string(dump)))
		}
	}
	if drift.Clean() && !modelDrift {
		if !cfg.quiet {
			fmt.Fprintf(stderr, "docgen: %s matches the docs; %s\n", cfg.out, warnings)
		}
		return 0
	}
	if cfg.verbose {
		for _, list := range []struct {
			what  string
			names []string
		}{{"changed", drift.Changed}, {"missing", drift.Missing}, {"orphaned", drift.Orphaned}} {
			for _, name := range list.names {
				fmt.Fprintf(stderr, "docgen: %s: %s\n", list.what, filepath.Join(cfg.out, name))
			}
		}
	}
	also := ""
	if modelDrift {
		also = "; and -model " + cfg.modelOut + " differs"
	}
	fmt.Fprintf(stderr, "docgen: %s in %s%s\n", drift.Summary(), cfg.out, also)
	return 1
}

// parseFlags reads and checks the command line. It returns nil and the
// exit code when the run ends here (usage errors: 2; -h: 0).
func parseFlags(args []string, stdout, stderr io.Writer) (*config, int) {
	fs := flag.NewFlagSet("docgen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", ".", "directory to write the generated Go files to")
	pkg := fs.String("pkg", "", "Go package name (default: the -out directory's name)")
	check := fs.Bool("check", false, "write nothing; print a diff and exit 1 if -out (or -model) differs from what the docs generate")
	localized := fs.Bool("localized", false, "write doc comments in the page's own language when it is localized")
	verbose := fs.Bool("v", false, "print every warning, and every file removed or differing")
	quiet := fs.Bool("q", false, "print errors only: no warnings, no summary line")
	modelOut := fs.String("model", "", "also write the resolved model as JSON to this file")
	types := fs.String("types", "", "generate only these types and enums (comma-separated names or globs) and what they need")
	typesFrom := fs.String("types-from", "", "like -types, from a file with one name or glob per line (# comments)")
	noDerived := fs.Bool("no-derived", false, "with -types: leave out derived types that polymorphic properties would need")
	printUsage := func(w io.Writer) {
		fmt.Fprintln(w, "usage: docgen [flags] PATH...\n       docgen lint [-json] [-severity error|warning|none] PATH...\n\nPATH is a markdown page or a directory of them; flags may come before or after PATHs.")
		fs.SetOutput(w)
		fs.PrintDefaults()
		fs.SetOutput(stderr)
	}
	fs.Usage = func() {} // printed below: to stdout for -h, to stderr on errors
	usage := func(format string, a ...any) (*config, int) {
		fmt.Fprintf(stderr, "docgen: "+format+"\n", a...)
		fmt.Fprintln(stderr, "run docgen -h for usage")
		return nil, 2
	}
	paths, err := parseInterleaved(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		printUsage(stdout) // asking for help is no error
		return nil, 0
	}
	if err != nil {
		printUsage(stderr)
		return nil, 2
	}
	if len(paths) == 0 {
		printUsage(stderr)
		return nil, 2
	}
	if *out == "" {
		return usage("-out must name a directory")
	}
	if info, err := os.Stat(*out); err == nil && !info.IsDir() {
		return usage("-out %s is a file, not a directory", *out)
	}
	if *pkg == "" {
		abs, err := filepath.Abs(*out)
		if err != nil {
			return usage("-out %s: %v", *out, err)
		}
		*pkg = packageName(filepath.Base(abs))
	}
	if !token.IsIdentifier(*pkg) || token.IsKeyword(*pkg) {
		return usage("-pkg %q is not a valid Go package name", *pkg)
	}
	patterns, err := typePatterns(*types, *typesFrom)
	if err != nil {
		return usage("%v", err)
	}
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	if len(patterns) == 0 && (given["types"] || given["types-from"]) {
		// An empty list is no filter: generating everything is not what
		// was asked.
		return usage("-types and -types-from name no type or enum")
	}
	if *noDerived && len(patterns) == 0 {
		return usage("-no-derived applies only with -types or -types-from")
	}
	if *verbose && *quiet {
		return usage("-v and -q contradict each other")
	}
	if *modelOut != "" {
		if err := checkModelPath(*modelOut); err != nil {
			return usage("-model %v", err)
		}
	}
	return &config{
		out: *out, pkg: *pkg, modelOut: *modelOut,
		check: *check, localized: *localized, verbose: *verbose, quiet: *quiet,
		patterns: patterns, noDerived: *noDerived, paths: paths,
	}, 0
}

// parseInterleaved parses flags wherever they are among the PATHs, as in
// "docgen page.md -out o"; "--" ends the flags, so a PATH may begin with
// a dash after it.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var paths []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if consumed := len(args) - len(rest); consumed > 0 && args[consumed-1] == "--" {
			return append(paths, rest...), nil
		}
		if len(rest) == 0 {
			return paths, nil
		}
		paths = append(paths, rest[0])
		args = rest[1:]
	}
}

// checkModelPath finds what would make writing the model fail, before
// anything is read or written: a directory at path, or no directory to
// hold it.
func checkModelPath(path string) error {
	if info, err := os.Stat(path); err == nil && info.IsDir() {
		return fmt.Errorf("%s is a directory, not a file", path)
	}
	dir := filepath.Dir(path)
	info, err := os.Stat(dir)
	if err != nil {
		return fmt.Errorf("%s: directory %s does not exist", path, dir)
	}
	if !info.IsDir() {
		return fmt.Errorf("%s: %s is not a directory", path, dir)
	}
	return nil
}

// pageNamer returns how generated files and the model name a page: its
// path relative to the output directory, with forward slashes, so that the
// bytes are the same whatever the working directory and however the paths
// were spelt. Two candidates: the path between the two as spelt (both made
// absolute), and the path between them with symbolic links resolved. The
// resolved one does not depend on how the working directory or -out is
// reached; the one as spelt keeps a symlinked docs directory's own name
// (../docs/user.md rather than the link target's absolute location). The
// shorter valid one wins. A page on another volume keeps its absolute
// path.
func pageNamer(out string) func(string) string {
	absOut, err := filepath.Abs(out)
	if err != nil {
		absOut = out
	}
	canonOut := canonical(out)
	// filepath.Abs asks for the working directory (two system calls) every
	// time: ask once.
	abs := filepath.Abs
	if wd, err := os.Getwd(); err == nil && runtime.GOOS != "windows" {
		abs = func(p string) (string, error) {
			if filepath.IsAbs(p) {
				return filepath.Clean(p), nil
			}
			return filepath.Join(wd, p), nil
		}
	}
	named := map[string]string{} // a page is named once per type and enum it holds
	// Pages share a few directories; resolving one walks every element of
	// its path.
	dirs := map[string]string{}
	canonicalDir := func(dir string) string {
		c, ok := dirs[dir]
		if !ok {
			c = canonical(dir)
			dirs[dir] = c
		}
		return c
	}
	return func(page string) string {
		if name, ok := named[page]; ok {
			return name
		}
		name := namePage(page, absOut, canonOut, abs, canonicalDir)
		named[page] = name
		return name
	}
}

// namePage is pageNamer's answer for one page.
func namePage(page, absOut, canonOut string, abs func(string) (string, error), canonical func(string) string) string {
	canonDir := canonical(filepath.Dir(page))
	resolved, err := filepath.Rel(canonOut, filepath.Join(canonDir, filepath.Base(page)))
	if err != nil {
		return filepath.ToSlash(filepath.Join(canonDir, filepath.Base(page)))
	}
	best := resolved
	if absPage, err := abs(page); err == nil {
		// As spelt: valid when, followed from -out's real location (the
		// parts of -out still to be created are real directories), it
		// reaches the same directory.
		if spelt, err := filepath.Rel(absOut, absPage); err == nil && spelt != resolved &&
			canonical(filepath.Dir(filepath.Join(canonOut, spelt))) == canonDir && shorter(spelt, resolved) {
			best = spelt
		}
	}
	return filepath.ToSlash(best)
}

// shorter reports whether relative path a climbs fewer directories than b,
// or as many in fewer elements.
func shorter(a, b string) bool {
	count := func(p string) (up, n int) {
		for part := range strings.SplitSeq(filepath.ToSlash(p), "/") {
			n++
			if part == ".." {
				up++
			}
		}
		return up, n
	}
	au, an := count(a)
	bu, bn := count(b)
	return au < bu || au == bu && an < bn
}

// canonical is dir made absolute with symbolic links resolved, as far as
// it exists (-out may not exist yet).
func canonical(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return dir
	}
	var missing []string
	for p := abs; ; p = filepath.Dir(p) {
		if real, err := filepath.EvalSymlinks(p); err == nil {
			return filepath.Join(append([]string{real}, missing...)...)
		}
		if filepath.Dir(p) == p {
			return abs
		}
		missing = append([]string{filepath.Base(p)}, missing...)
	}
}

// report prints errors always, and warnings (unless quiet) up to a limit
// unless verbose. It returns the warnings' part of the summary line, e.g.
// "195 warnings (DG040 150, DG041 45; 175 not shown, -v shows all)"; with
// errors it prints the counts itself, as the run ends there.
func report(w io.Writer, diags model.Diagnostics, verbose, quiet bool) string {
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
		if !quiet && (verbose || warns <= shownWarnings) {
			fmt.Fprintln(w, d)
		}
	}
	var kinds []string
	for _, c := range slices.Sorted(maps.Keys(byCode)) {
		kinds = append(kinds, fmt.Sprintf("%s %d", c, byCode[c]))
	}
	if errs > 0 {
		fmt.Fprintf(w, "docgen: %d error(s), %d warning(s) (%s)\n", errs, warns, strings.Join(kinds, ", "))
	}
	if warns == 0 {
		return "0 warnings"
	}
	summary := fmt.Sprintf("%d warning(s) (%s", warns, strings.Join(kinds, ", "))
	if !verbose && warns > shownWarnings {
		summary += fmt.Sprintf("; %d not shown, -v shows all", warns-shownWarnings)
	}
	return summary + ")"
}

// notGiven says once what many DG040 warnings usually mean on a run over
// a few pages: the pages that define the referenced types were not given.
func notGiven(w io.Writer, diags model.Diagnostics, pages int) {
	names := map[string]bool{}
	for _, d := range diags {
		if d.Code == model.TypeUnknown {
			if m := quotedName.FindStringSubmatch(d.Message); m != nil {
				names[m[1]] = true
			}
		}
	}
	if len(names) == 0 {
		return
	}
	sorted := slices.Sorted(maps.Keys(names))
	example := strings.Join(sorted[:min(3, len(sorted))], ", ")
	if len(sorted) > 3 {
		example += ", ..."
	}
	fmt.Fprintf(w, "docgen: %d referenced type(s) are defined by none of the %d page(s) given (%s), so their fields hold raw JSON; give the pages that define them too (or the whole resources directory), unless the docs lack them\n", len(sorted), pages, example)
}

// quotedName takes the type name out of a DG040 message.
var quotedName = regexp.MustCompile(`^type "([^"]+)"`)

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

// typePatterns gathers -types and -types-from into one list, each a name
// or a glob (path.Match syntax) that must be well formed.
func typePatterns(list, file string) ([]string, error) {
	var out []string
	add := func(p, from string) error {
		if _, err := path.Match(p, ""); err != nil {
			return fmt.Errorf("%s: %q is not a valid name or glob: %v", from, p, err)
		}
		out = append(out, p)
		return nil
	}
	for p := range strings.SplitSeq(list, ",") {
		if p = strings.TrimSpace(p); p != "" {
			if err := add(p, "-types"); err != nil {
				return nil, err
			}
		}
	}
	if file != "" {
		raw, err := os.ReadFile(file)
		if err != nil {
			return nil, fmt.Errorf("-types-from: %w", err)
		}
		for i, line := range strings.Split(string(raw), "\n") {
			line, _, _ = strings.Cut(line, "#")
			if line = strings.TrimSpace(line); line != "" {
				if err := add(line, fmt.Sprintf("%s:%d", file, i+1)); err != nil {
					return nil, err
				}
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
