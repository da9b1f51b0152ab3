package telegram

import (
	"context"
	"regexp"
	"strings"

	"github.com/electionbot/electionbot/lang"
	tgbot "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"
)

// Telegram's rules for the command menu.
const (
	maxCommands           = 100
	maxCommandDescription = 256
)

var commandName = regexp.MustCompile(`^[a-z0-9_]{1,32}$`)

// menuLanguages are the menus registered besides the default (English)
// one: Telegram shows a user the menu of their app's language_code, and
// Serbian, Croatian and Bosnian speakers get the Serbian one.
var menuLanguages = []struct {
	code string
	lang lang.Lang
}{{"sr", lang.Sr}, {"hr", lang.Sr}, {"bs", lang.Sr}}

// setCommands registers the command menu from the engine's commands:
// the default one in English, and one for each of menuLanguages. A menu
// that fails to register is logged: the commands work without it.
func (b *Bot) setCommands(ctx context.Context) {
	menus := append([]struct {
		code string
		lang lang.Lang
	}{{"", lang.En}}, menuLanguages...)
	for _, m := range menus {
		cmds := b.menu(m.lang)
		if _, err := b.tg.SetMyCommands(ctx, &tgbot.SetMyCommandsParams{Commands: cmds, LanguageCode: m.code}); err != nil {
			b.log.Warn("could not register the command menu", "language_code", m.code, "err", b.redact(err.Error()))
		}
	}
}

// menu is the command menu in l, within Telegram's rules.
func (b *Bot) menu(l lang.Lang) []models.BotCommand {
	var cmds []models.BotCommand
	for _, c := range b.eng.CommandsIn(l) {
		if c.Hidden {
			continue
		}
		name := strings.ToLower(c.Name)
		if !commandName.MatchString(name) {
			b.log.Warn("command left out of the menu: Telegram allows only a-z, 0-9 and _", "command", c.Name)
			continue
		}
		desc := clipText(c.Description, maxCommandDescription)
		if desc == "" {
			desc = clipText(c.Usage, maxCommandDescription)
		}
		if desc == "" {
			desc = "/" + name
		}
		cmds = append(cmds, models.BotCommand{Command: name, Description: desc})
		if len(cmds) == maxCommands {
			break
		}
	}
	return cmds
}
