package dev.tokenhook.servlet;

import dev.tokenhook.core.auth.HookHeaders;
import dev.tokenhook.core.http.HookCall;
import dev.tokenhook.core.http.HookHttpRequest;
import dev.tokenhook.core.http.TokenHookEndpoint;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * One hook call over the Servlet API: method, headers and the body in, status, headers and bytes out.
 * Where the request allows asynchronous processing (the servlet and every filter before it are
 * {@code async-supported}), the body is read without blocking: what the container already holds at once,
 * the rest through a {@link ReadListener}, so a body that trickles in holds no container thread, and the
 * endpoint answers 408 at its body deadline; the rules then run on the container's thread that delivered
 * the last of the body, which leaves only once the answer is sent ({@link ServletAnswer}: no other thread
 * writes the response while filters may touch it), and the answer can still leave at the deadline from the
 * engine's watchdog if a rule hangs. A call refused before its body is read carries {@code Connection: close},
 * so the container closes the connection instead of draining an unread body. Without asynchronous processing, the
 * container's thread reads the body and waits while rule threads run the rules. Used by
 * {@link TokenHookServlet} and by hook-spring's handler.
 */
public final class ServletExchange {

    private static final int CHUNK = 8 * 1024;
    /**
     * One read buffer per container thread: {@link HookCall#append} copies what it is given before it
     * returns, so a call never holds it, and the typical call no longer allocates 8 KB just to read.
     */
    private static final ThreadLocal<byte[]> CHUNKS = ThreadLocal.withInitial(() -> new byte[CHUNK]);

    private ServletExchange() {
    }

    /**
     * Serves one call; the answer is written before this returns unless the body is still arriving.
     *
     * @param endpoint decides the answer
     * @param request the call
     * @param response where the answer goes
     * @throws IOException if the body stream cannot be obtained
     */
    public static void serve(TokenHookEndpoint endpoint, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        HookHeaders headers = name -> values(request, name);
        if (!request.isAsyncSupported()) {
            ServletAnswer.write(endpoint.handle(new HookHttpRequest(request.getMethod(), headers,
                    request.getInputStream())), response);
            return;
        }
        ServletAnswer answer = new ServletAnswer(request.startAsync(), response, endpoint.hook().timeBudget());
        HookCall call = endpoint.begin(request.getMethod(), headers, answer::send);
        if (call.wantsBody()) {
            ServletInputStream body = request.getInputStream();
            if (!readArrived(call, body, request.getContentLengthLong())) {
                body.setReadListener(new BodyReader(call, body, answer));
                return;
            }
        }
        answer.awaitSent();
    }

    /**
     * Reads the body on this thread when the container already holds all of it (as it does for a body
     * that came in with the headers), which spares the call the {@link ReadListener}'s dispatch: on Tomcat
     * that is a second pass through the container per call (issue #18, round 5). Only bytes that
     * {@link ServletInputStream#available()} reports are read, so this never waits for the client; a body
     * of unknown length, or one not all there yet, goes on through the listener from where this stopped.
     * A read that fails (the connection broke) is answered as the listener's {@code onError} is.
     *
     * @return whether the body is dealt with: read to its declared length, or the call answered
     */
    private static boolean readArrived(HookCall call, ServletInputStream body, long length) {
        if (length < 0) {
            return false;
        }
        byte[] chunk = CHUNKS.get();
        long read = 0;
        try {
            while (read < length) {
                if (body.available() <= 0) {
                    return false;
                }
                int count = body.read(chunk, 0, (int) Math.min(chunk.length, length - read));
                if (count == -1) {
                    return false;
                }
                if (!call.append(chunk, 0, count)) {
                    return true;
                }
                read += count;
            }
        } catch (IOException broken) {
            call.fail();
            return true;
        }
        call.end();
        return true;
    }

    /**
     * Feeds the body to the call as the container delivers it, never waiting for bytes; the thread that
     * delivers the last of it runs the rules and stays until the answer is sent.
     */
    private record BodyReader(HookCall call, ServletInputStream body, ServletAnswer answer) implements ReadListener {

        @Override
        public void onDataAvailable() throws IOException {
            byte[] chunk = CHUNKS.get();
            while (call.wantsBody() && body.isReady()) {
                int count = body.read(chunk);
                if (count == -1 || !call.append(chunk, 0, count)) {
                    return;
                }
            }
        }

        @Override
        public void onAllDataRead() {
            call.end();
            answer.awaitSent();
        }

        @Override
        public void onError(Throwable error) {
            call.fail();
        }
    }

    private static List<String> values(HttpServletRequest request, String name) {
        Enumeration<String> values = request.getHeaders(name);
        return values == null ? List.of() : Collections.list(values);
    }
}
