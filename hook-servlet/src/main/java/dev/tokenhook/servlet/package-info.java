/**
 * Jakarta Servlet 5.0+ adapter: {@link dev.tokenhook.servlet.TokenHookServlet} moves method, headers
 * and body between the container and a {@link dev.tokenhook.core.http.TokenHookEndpoint}, which decides
 * everything else; {@link dev.tokenhook.servlet.TokenHookServlets} registers it in one line and reads
 * the {@code tokenhook.*} settings from init-parameters, system properties or the environment.
 */
package dev.tokenhook.servlet;
