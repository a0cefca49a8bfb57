"""Relays the adapter protocol between a process's stdin/stdout and a TCP socket, standard library only.

    python -m probity_adapter.bridge HOST:PORT

`probity check-impl` starts this as its adapter command; the pytest plugin listens on HOST:PORT and
answers the requests with the user's functions inside the pytest process (where their fixtures,
imports and monkeypatches live).  Lines go through unchanged; when either side closes, the bridge
exits.
"""
import socket
import sys
import threading


def _pump(read, write, close):
    try:
        for line in iter(read, b""):
            write(line)
    except OSError:
        pass
    finally:
        close()


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1 or ":" not in argv[0]:
        sys.stderr.write("usage: python -m probity_adapter.bridge HOST:PORT\n")
        return 2
    host, port = argv[0].rsplit(":", 1)
    sock = socket.create_connection((host, int(port)))
    out = sock.makefile("rb")
    stdout = sys.stdout.buffer

    def to_stdout(line):
        stdout.write(line)
        stdout.flush()

    def half_close():
        try:
            sock.shutdown(socket.SHUT_WR)
        except OSError:
            pass

    upstream = threading.Thread(target=_pump, args=(sys.stdin.buffer.readline, sock.sendall, half_close), daemon=True)
    upstream.start()
    _pump(out.readline, to_stdout, lambda: None)
    sock.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
