package telegram

import (
	"context"
	"regexp"
	"strings"

	tgbot "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"
)

// Telegram's rules for the command menu.
const (
	maxCommands           = 100
	maxCommandDescription = 256
)

var commandName = regexp.MustCompile(`^[a-z0-9_]{1,32}$`)

// setCommands registers the command menu from the engine's commands.
// A menu that fails to register is logged: the commands work without it.
func (b *Bot) setCommands(ctx context.Context) {
	var cmds []models.BotCommand
	for _, c := range b.eng.Commands() {
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
	if _, err := b.tg.SetMyCommands(ctx, &tgbot.SetMyCommandsParams{Commands: cmds}); err != nil {
		b.log.Warn("could not register the command menu", "err", b.redact(err.Error()))
	}
}
