/**
 * The offline demo: starts the Jetty example hook with its embedded patient store and plays Okta
 * against it over HTTP with the testkit's request builder, caller, emulator and JWT minter; see
 * {@link dev.tokenhook.examples.demo.DemoMain}.
 */
package dev.tokenhook.examples.demo;
