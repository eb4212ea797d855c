/** A FIFO of byte pieces that hands out exact-length slices without re-concatenating everything it holds. */
export class ByteQueue {
  private pieces: Uint8Array[] = [];
  private head = 0; // offset into pieces[0]
  private size = 0;

  get length(): number {
    return this.size;
  }

  /** Copies the piece: producers (e.g. BYOB stream readers) may reuse their buffers once we return. */
  push(piece: Uint8Array): void {
    if (piece.length === 0) return;
    this.pieces.push(piece.slice());
    this.size += piece.length;
  }

  /** Removes and returns the first `n` bytes (n ≤ length). Zero-copy when they sit inside one piece. */
  take(n: number): Uint8Array {
    if (n > this.size) throw new RangeError('not enough bytes queued');
    const first = this.pieces[0];
    if (first && first.length - this.head >= n) {
      const out = first.subarray(this.head, this.head + n);
      this.advance(n);
      return out;
    }
    const out = new Uint8Array(n);
    let filled = 0;
    while (filled < n) {
      const piece = this.pieces[0];
      if (!piece) break;
      const count = Math.min(n - filled, piece.length - this.head);
      out.set(piece.subarray(this.head, this.head + count), filled);
      filled += count;
      this.advance(count);
    }
    return out;
  }

  private advance(n: number): void {
    this.size -= n;
    this.head += n;
    const first = this.pieces[0];
    if (first && this.head === first.length) {
      this.pieces.shift();
      this.head = 0;
    }
  }
}
