/**
 * The one configuration model of every adapter: {@link dev.tokenhook.core.config.TokenHookKeys} is the table of
 * every {@code tokenhook.*} key (kind, default, description, checks); an adapter hands its framework's
 * properties to {@link dev.tokenhook.core.config.TokenHookSettings#read} as a
 * {@link dev.tokenhook.core.config.ConfigSource}, and gets every value parsed and checked, or one
 * {@link dev.tokenhook.core.config.ConfigException} naming each wrong key and where its value came from.
 */
package dev.tokenhook.core.config;
