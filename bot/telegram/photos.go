package telegram

import (
	"container/list"
	"sync"

	"github.com/go-telegram/bot/models"
)

// maxPhotoIDs bounds the pictures whose file_id the bot remembers: a few
// per election and command, more than a chat asks for in a day.
const maxPhotoIDs = 4096

// photoIDs remembers, by the engine's name for a picture (Image.Key),
// the file_id Telegram gave it when it was first sent, so that the same
// chart goes to the next chat as that id instead of its bytes: Telegram
// keeps a bot's files and sends them on without an upload. The engine's
// names change at every reload, so a file_id is never sent for a picture
// drawn from other data. The least recently used are forgotten first. It
// is safe for concurrent use; a nil photoIDs remembers nothing.
type photoIDs struct {
	mu    sync.Mutex
	lru   *list.List // of *photoID, most recent first
	items map[string]*list.Element
}

type photoID struct{ key, fileID string }

func newPhotoIDs() *photoIDs {
	return &photoIDs{lru: list.New(), items: map[string]*list.Element{}}
}

// get returns the file_id of the picture named key, if Telegram gave one.
func (p *photoIDs) get(key string) (string, bool) {
	if p == nil || key == "" {
		return "", false
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	el, ok := p.items[key]
	if !ok {
		return "", false
	}
	p.lru.MoveToFront(el)
	return el.Value.(*photoID).fileID, true
}

// remember keeps the file_id of the largest size of the photo Telegram
// made of the picture named key.
func (p *photoIDs) remember(key string, m *models.Message) {
	if p == nil || key == "" || m == nil || len(m.Photo) == 0 || m.Photo[len(m.Photo)-1].FileID == "" {
		return
	}
	id := m.Photo[len(m.Photo)-1].FileID
	p.mu.Lock()
	defer p.mu.Unlock()
	if el, ok := p.items[key]; ok {
		el.Value.(*photoID).fileID = id
		p.lru.MoveToFront(el)
		return
	}
	p.items[key] = p.lru.PushFront(&photoID{key: key, fileID: id})
	if p.lru.Len() > maxPhotoIDs {
		last := p.lru.Back()
		p.lru.Remove(last)
		delete(p.items, last.Value.(*photoID).key)
	}
}

// forget drops a file_id Telegram refused.
func (p *photoIDs) forget(key string) {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if el, ok := p.items[key]; ok {
		p.lru.Remove(el)
		delete(p.items, key)
	}
}
