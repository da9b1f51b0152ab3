package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode"

	"github.com/electionbot/electionbot/data"
	"github.com/electionbot/electionbot/knowledge"
	"github.com/electionbot/electionbot/wiki"
)

// contactURL is where Wikimedia's operators can reach whoever runs the
// importer, as their User-Agent policy asks.
const contactURL = "https://github.com/electionbot/electionbot"

// importOptions are the settings of "electionbot import".
type importOptions struct {
	dataDir string
	dryRun  bool
	checks  []string
	apiURL  string
	args    []string
	// now is the retrieval time written into each article.
	now func() time.Time
	// client overrides the API client (tests set its waits).
	client *wiki.Client
}

func importUsage(fl *flag.FlagSet, w io.Writer) {
	fmt.Fprint(w, `Usage:
  electionbot import [-data DIR] [-dry-run] [-check FILE.wikitext] TITLE_OR_URL...

Fetches each English Wikipedia article (a title, or its https://en.wikipedia.org/wiki/
address) through the MediaWiki Action API, converts it into an article and
writes DIR/<name>.txt, with its source, revision and licence (CC BY-SA 4.0).
-check converts a local wikitext file instead. A running bot with
ELECTIONBOT_WATCH picks new articles up; SIGHUP does too.

`)
	fl.PrintDefaults()
}

// parseImport reads the import command line; DIR and the API come from
// the flags, else from ELECTIONBOT_DATA and WIKIPEDIA_API_URL.
func parseImport(args []string, getenv func(string) string, stderr io.Writer) (importOptions, error) {
	o := importOptions{dataDir: getenv("ELECTIONBOT_DATA"), apiURL: getenv("WIKIPEDIA_API_URL"), now: time.Now}
	fl := flag.NewFlagSet("electionbot import", flag.ContinueOnError)
	fl.SetOutput(stderr)
	fl.Usage = func() { importUsage(fl, stderr) }
	fl.StringVar(&o.dataDir, "data", o.dataDir, "folder to write the articles to (ELECTIONBOT_DATA)")
	fl.BoolVar(&o.dryRun, "dry-run", false, "print the converted articles instead of writing them")
	fl.Func("check", "convert this local wikitext file instead of fetching a page (may be repeated)", func(v string) error {
		o.checks = append(o.checks, v)
		return nil
	})
	fl.StringVar(&o.apiURL, "wiki-api-url", o.apiURL, "MediaWiki Action API endpoint (WIKIPEDIA_API_URL; default "+wiki.DefaultAPIURL+")")
	if err := fl.Parse(args); err != nil {
		return o, err
	}
	o.args = fl.Args()
	if o.apiURL == "" {
		o.apiURL = wiki.DefaultAPIURL
	}
	var errs []error
	if len(o.args) == 0 && len(o.checks) == 0 {
		errs = append(errs, errors.New("import: name at least one article (a title or a Wikipedia address), or -check FILE.wikitext"))
	}
	if o.dataDir == "" && !o.dryRun {
		errs = append(errs, errors.New("import: no folder to write to: set -data DIR or ELECTIONBOT_DATA, or print with -dry-run"))
	}
	if u, err := url.Parse(o.apiURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		errs = append(errs, fmt.Errorf("import: WIKIPEDIA_API_URL=%q is not an http(s) address", o.apiURL))
	}
	return o, errors.Join(errs...)
}

// runImport is "electionbot import". It returns 0 when every article was
// imported, 1 when one failed (the others are still imported), 2 for a
// wrong command line.
func runImport(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) int {
	o, err := parseImport(args, getenv, stderr)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		fmt.Fprintf(stderr, "electionbot %v\n", indent(err))
		return 2
	}
	return o.run(ctx, stdout, stderr)
}

func (o importOptions) run(ctx context.Context, stdout, stderr io.Writer) int {
	if !o.dryRun {
		if err := os.MkdirAll(o.dataDir, 0o755); err != nil {
			fmt.Fprintf(stderr, "electionbot import: %v\n", err)
			return 1
		}
	}
	im := &importer{o: o, stdout: stdout, stderr: stderr, colour: o.colours(stderr)}
	for _, path := range o.checks {
		im.local(path)
	}
	var titles []string
	for _, a := range o.args {
		t, err := wiki.PageTitle(a)
		if err != nil {
			im.fail(a, err)
			continue
		}
		titles = append(titles, t)
	}
	if len(titles) > 0 {
		im.fetch(ctx, titles)
	}
	if im.failed > 0 {
		fmt.Fprintf(stderr, "electionbot import: %d of %d articles not imported\n", im.failed, len(o.checks)+len(o.args))
		return 1
	}
	return 0
}

// colours reads the party colours of the embedded aliases and of the
// data folder's aliases file.
func (o importOptions) colours(stderr io.Writer) func(string) string {
	var all *knowledge.Aliases
	read := func(fsys fs.FS, where string) {
		f, err := fsys.Open(knowledge.AliasesFile)
		if err != nil {
			return
		}
		defer f.Close()
		a, err := knowledge.ParseAliases(knowledge.AliasesFile, f)
		if err != nil {
			fmt.Fprintf(stderr, "electionbot import: party colours of %s not read: %v\n", where, err)
			return
		}
		all = all.Merge(a)
	}
	read(data.FS, "the embedded aliases")
	if o.dataDir != "" {
		read(os.DirFS(o.dataDir), o.dataDir)
	}
	return all.Colour
}

// An importer imports articles one by one and counts the failures.
type importer struct {
	o      importOptions
	stdout io.Writer
	stderr io.Writer
	colour func(string) string
	failed int
}

func (im *importer) fail(what string, err error) {
	im.failed++
	fmt.Fprintf(im.stderr, "electionbot import: %s: %v\n", what, err)
}

// local converts a wikitext file.
func (im *importer) local(path string) {
	src, err := os.ReadFile(path)
	if err != nil {
		im.fail(path, err)
		return
	}
	base := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	res := wiki.Convert(string(src), wiki.Options{DefaultTitle: strings.ReplaceAll(base, "_", " "), Colour: im.colour})
	im.save(path, res, "", false)
}

// fetch gets the pages from the API and imports each.
func (im *importer) fetch(ctx context.Context, titles []string) {
	c := im.o.client
	if c == nil {
		c = &wiki.Client{URL: im.o.apiURL, UserAgent: userAgent()}
	}
	pages, err := c.Fetch(ctx, titles)
	if err != nil {
		for _, t := range titles[len(pages):] {
			im.fail(t, err)
		}
	}
	for _, p := range pages {
		if p.Err != nil {
			im.fail(p.Requested, pageError(p, im.o.apiURL))
			continue
		}
		src := wiki.NewSource(im.o.apiURL, p.Title, p.Revision, p.RevisionTime, im.o.now())
		res := wiki.Convert(p.Content, wiki.Options{Title: p.Title, Source: src, Colour: im.colour})
		note := fmt.Sprintf(" (revision %d)", p.Revision)
		if p.Title != p.Requested {
			note = fmt.Sprintf(" (revision %d, asked for as %s)", p.Revision, p.Requested)
		}
		im.save(p.Title, res, note, true)
	}
}

// pageError says why a page could not be fetched, naming the API for a
// page it does not have.
func pageError(p wiki.Page, apiURL string) error {
	if errors.Is(p.Err, wiki.ErrMissing) {
		return fmt.Errorf("no such page on %s", apiURL)
	}
	return p.Err
}

// save checks a converted article and writes it (or prints it with
// -dry-run), with a line on stderr saying what it did.
func (im *importer) save(what string, res *wiki.Result, rev string, sourced bool) {
	if !res.Election {
		im.fail(what, errors.New("not an election article: it has no election infobox and no results table"))
		return
	}
	name := articleName(res.Title) + ".txt"
	a, err := knowledge.Parse(name, strings.NewReader(res.Text))
	if err != nil {
		// The converter writes only what the parser reads; this is a bug.
		im.fail(what, fmt.Errorf("the converted article does not load: %w", err))
		return
	}
	knowledge.Extract(a, nil)
	dest := "standard output"
	if im.o.dryRun {
		fmt.Fprint(im.stdout, res.Text)
	} else {
		dest = filepath.Join(im.o.dataDir, name)
		if err := write(dest, res, sourced); err != nil {
			im.fail(what, err)
			return
		}
	}
	fmt.Fprintf(im.stderr, "imported %s%s → %s, %s\n", what, rev, dest, plural(len(res.Warnings), "warning"))
	for _, w := range res.Warnings {
		fmt.Fprintf(im.stderr, "  %s\n", w)
	}
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// write puts the article in place at once (a reloading bot never reads
// half a file), refusing to overwrite another article or to take an
// election id another file has.
func write(dest string, res *wiki.Result, sourced bool) error {
	if err := checkPlace(dest, res.Title, sourced); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(dest), ".import-*.tmp")
	if err != nil {
		return fmt.Errorf("write the article: %w", err)
	}
	defer os.Remove(tmp.Name())
	if _, err := io.WriteString(tmp, res.Text); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", dest, err)
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", dest, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", dest, err)
	}
	if err := os.Rename(tmp.Name(), dest); err != nil {
		return fmt.Errorf("write %s: %w", dest, err)
	}
	return nil
}

// checkPlace refuses a file name that another article holds, and an
// election id another file of the folder has. An article imported before
// from the same page (or, for a local file without a source, with the
// same title) is replaced.
func checkPlace(dest, title string, sourced bool) error {
	if b, err := os.ReadFile(dest); err == nil {
		a, perr := knowledge.Parse(filepath.Base(dest), strings.NewReader(string(b)))
		same := perr == nil && a.Title == title && (a.Source != nil && a.Source.Title == title || a.Source == nil && !sourced)
		if !same {
			return fmt.Errorf("%s holds another article; move it away to import this one", dest)
		}
	}
	id := electionID(filepath.Base(dest))
	others, _ := filepath.Glob(filepath.Join(filepath.Dir(dest), "*.txt"))
	for _, o := range others {
		if filepath.Base(o) != filepath.Base(dest) && electionID(filepath.Base(o)) == id {
			return fmt.Errorf("%s has the election id %q of %s; rename one of them", dest, id, o)
		}
	}
	return nil
}

// electionID is the id the bot gives the article in file name.
func electionID(name string) string {
	a, err := knowledge.Parse(name, strings.NewReader("= x =\n"))
	if err != nil {
		return name
	}
	return knowledge.Extract(a, nil).ID
}

// maxNameLen is as long as an election id gets (knowledge cuts ids at 40
// bytes): a longer file name would not be the id.
const maxNameLen = 40

// articleName makes a file name of a title: its folded words joined by
// '-' ("2014 Belgrade City Assembly election" ->
// "2014-belgrade-city-assembly-election"), which is the article's
// election id.
func articleName(title string) string {
	var b strings.Builder
	for _, t := range knowledge.Tokens(knowledge.Fold(title)) {
		t = strings.Map(func(r rune) rune {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				return r
			}
			return -1
		}, t)
		switch {
		case t == "":
			continue
		case b.Len() > 0 && b.Len()+1+len(t) > maxNameLen:
			return b.String()
		case b.Len() > 0:
			b.WriteByte('-')
		}
		for _, r := range t {
			if b.Len()+len(string(r)) > maxNameLen {
				break
			}
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 {
		return "article"
	}
	return b.String()
}

// userAgent names the program, its version and a contact, and the Go
// library, as Wikimedia's User-Agent policy asks.
func userAgent() string {
	b := currentBuild()
	return fmt.Sprintf("electionbot/%s (%s) Go/%s", b.Version, contactURL, strings.TrimPrefix(b.GoVersion, "go"))
}
