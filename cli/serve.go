package cli

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"

	"socai/app"
)

// runServe serves the UI and the bound services over HTTP on loopback only,
// behind a random token, until interrupted: the browser test harness.
func runServe(env *Env, args []string) error {
	fs := flags(env, "serve")
	addr := fs.String("addr", "127.0.0.1:0", "địa chỉ lắng nghe (chỉ 127.0.0.1 hoặc ::1)")
	if err := noArgs(fs, args); err != nil {
		return err
	}
	host, _, err := net.SplitHostPort(*addr)
	if err != nil {
		return usagef("--addr: %v", err)
	}
	if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
		return usagef("--addr phải là địa chỉ loopback (127.0.0.1 hoặc ::1), không phải %q", host)
	}
	if env.Assets == nil {
		return usagef("bản dựng này không có giao diện")
	}
	a, err := env.open()
	if err != nil {
		return err
	}
	defer a.Close()
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	var b [16]byte
	rand.Read(b[:])
	token := hex.EncodeToString(b[:])
	srv := &http.Server{Handler: app.HTTPHandler(a.Services(), token, env.Assets)}
	fmt.Fprintf(env.Stdout, "socai serve: http://%s/?token=%s\n", ln.Addr(), token)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		<-ctx.Done()
		srv.Shutdown(context.Background())
	}()
	if err := srv.Serve(ln); err != http.ErrServerClosed {
		return err
	}
	return nil
}
