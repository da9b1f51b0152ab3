package chart

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"image"
)

// encodePNG writes a picture as an 8-bit RGBA PNG with every row left
// unfiltered. The standard encoder tries all five row filters on every row
// and keeps the best, which costs more than all the drawing; charts are
// flat colour that the fastest deflate squeezes as well without any
// filter, straight from the picture's own rows.
func (r *Renderer) encodePNG(img *image.RGBA) ([]byte, error) {
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	var out bytes.Buffer
	out.WriteString("\x89PNG\r\n\x1a\n")
	var ihdr [13]byte
	binary.BigEndian.PutUint32(ihdr[0:], uint32(w))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(h))
	ihdr[8] = 8 // bits per channel
	ihdr[9] = 6 // truecolour with alpha, as the picture is kept
	writeChunk(&out, "IHDR", ihdr[:])

	var idat bytes.Buffer
	// A compressor holds a few hundred kilobytes of tables; reuse them.
	zw, _ := r.zlib.Get().(*zlib.Writer)
	if zw == nil {
		var err error
		if zw, err = zlib.NewWriterLevel(&idat, zlib.BestSpeed); err != nil {
			return nil, fmt.Errorf("encode png: %w", err)
		}
	} else {
		zw.Reset(&idat)
	}
	defer r.zlib.Put(zw)
	noFilter := []byte{0}
	for y := range h {
		off := img.PixOffset(b.Min.X, b.Min.Y+y)
		if _, err := zw.Write(noFilter); err != nil {
			return nil, fmt.Errorf("encode png: %w", err)
		}
		if _, err := zw.Write(img.Pix[off : off+4*w]); err != nil {
			return nil, fmt.Errorf("encode png: %w", err)
		}
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("encode png: %w", err)
	}
	writeChunk(&out, "IDAT", idat.Bytes())
	writeChunk(&out, "IEND", nil)
	return out.Bytes(), nil
}

func writeChunk(out *bytes.Buffer, kind string, data []byte) {
	var n [4]byte
	binary.BigEndian.PutUint32(n[:], uint32(len(data)))
	out.Write(n[:])
	crc := crc32.NewIEEE()
	crc.Write([]byte(kind))
	crc.Write(data)
	out.WriteString(kind)
	out.Write(data)
	binary.BigEndian.PutUint32(n[:], crc.Sum32())
	out.Write(n[:])
}
