/**
 * The patient-store token hook as a runnable jar: embedded Jetty 12 serving
 * {@link dev.tokenhook.servlet.TokenHookServlet}; see {@link dev.tokenhook.examples.jetty.JettyHookApp}.
 */
package dev.tokenhook.examples.jetty;
