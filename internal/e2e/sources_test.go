package e2e

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
)

// TestSourcesThroughTheHelper checks that no answer builds its source as
// a literal (reply.Source{Election: ...}): an answer's source is made by
// reply.SourceOf or Say.HistorySource, which link the article, so that a
// new answer cannot forget the link. Tests and package reply's own
// source.go may write literals.
func TestSourcesThroughTheHelper(t *testing.T) {
	root := filepath.Join("..", "..")
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && path != root {
			return filepath.SkipDir
		}
		rel, _ := filepath.Rel(root, path)
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") || rel == filepath.Join("reply", "source.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		pkg := f.Name.Name
		ast.Inspect(f, func(n ast.Node) bool {
			lit, ok := n.(*ast.CompositeLit)
			if !ok || len(lit.Elts) == 0 {
				return true
			}
			if sourceType(lit.Type, pkg) {
				t.Errorf("%s: a Source literal; build it with reply.SourceOf or Say.HistorySource, which link the article", fset.Position(lit.Pos()))
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// sourceType reports whether a literal's type is reply.Source (named
// Source inside packages reply and bot, where it is reply's).
func sourceType(e ast.Expr, pkg string) bool {
	switch x := e.(type) {
	case *ast.SelectorExpr:
		id, ok := x.X.(*ast.Ident)
		return ok && (id.Name == "reply" || id.Name == "bot") && x.Sel.Name == "Source"
	case *ast.Ident:
		return x.Name == "Source" && (pkg == "reply" || pkg == "bot")
	}
	return false
}
