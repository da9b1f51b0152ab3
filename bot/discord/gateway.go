package discord

import (
	"context"
	"errors"
	"fmt"

	"github.com/bwmarrin/discordgo"
)

// Run serves until ctx ends. With a token and no public key it connects
// to the gateway (its shard), registers the slash commands and answers
// the interactions that arrive there. With a token and a public key the
// interactions come to the HTTP endpoint: it opens no gateway, and
// registers the commands over REST (see startREST). Without a token it
// only waits. Either way the endpoint's deferred answers are finished on
// shutdown too: when ctx ends, Run stops taking interactions, waits up to
// ShutdownTimeout for those in flight, closes the gateway if open (about
// a second: discordgo waits for the close handshake) and returns nil.
func (b *Bot) Run(ctx context.Context) error {
	if !b.running.CompareAndSwap(false, true) {
		return errors.New("discord: Run called twice")
	}
	start := b.connect
	if b.restOnly() {
		start = b.startREST
	}
	if b.session.Token != "" {
		if err := start(ctx); err != nil {
			b.stop()
			return err
		}
	}
	<-ctx.Done()
	b.stop()
	return nil
}

// connect opens the gateway and registers the commands.
func (b *Bot) connect(ctx context.Context) error {
	s := b.session
	s.AddHandler(b.onReady)
	s.AddHandler(func(*discordgo.Session, *discordgo.Connect) {
		if b.connects.Add(1) > 1 {
			b.log.Info("reconnected to the gateway")
			if b.opts.OnReconnect != nil {
				b.opts.OnReconnect()
			}
		}
	})
	s.AddHandler(func(_ *discordgo.Session, ic *discordgo.InteractionCreate) {
		if ic.Interaction == nil || !b.begin() {
			return
		}
		defer b.end()
		i := ic.Interaction
		b.serve(i, func(r *discordgo.InteractionResponse) error {
			ctx, cancel := context.WithTimeout(b.work, restTimeout)
			defer cancel()
			return b.session.InteractionRespond(i, r, discordgo.WithContext(ctx))
		})
	})
	if err := s.Open(); err != nil {
		return fmt.Errorf("discord: open the gateway: %w", b.redactErr(err, ""))
	}
	b.log.Info("connected to the gateway", "shard_id", s.ShardID, "shard_count", s.ShardCount)
	if b.applicationID() == "" {
		// Open returns once READY is read; its handler runs apart.
		select {
		case <-b.readyCh:
		case <-ctx.Done():
			return nil
		}
	}
	if err := b.RegisterCommands(ctx); err != nil {
		if errors.Is(ctx.Err(), context.Canceled) {
			return nil
		}
		return err
	}
	return nil
}

// onReady learns the application id when none was configured.
func (b *Bot) onReady(_ *discordgo.Session, r *discordgo.Ready) {
	if r.Application != nil && r.Application.ID != "" && b.applicationID() == "" {
		id := r.Application.ID
		b.appID.CompareAndSwap(nil, &id)
	}
	b.readyOnce.Do(func() { close(b.readyCh) })
}

// stop drains the interactions in flight and closes the gateway.
func (b *Bot) stop() {
	ctx, cancel := context.WithTimeout(context.Background(), b.opts.ShutdownTimeout)
	defer cancel()
	b.Shutdown(ctx)
	if b.session.Token != "" {
		// Closing a session that never opened is a no-op.
		if err := b.session.Close(); err != nil {
			b.log.Warn("close the gateway", "err", b.redact(err.Error(), ""))
		}
	}
	b.log.Info("stopped")
}
