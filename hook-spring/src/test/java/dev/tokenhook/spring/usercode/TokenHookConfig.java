package dev.tokenhook.spring.usercode;

import org.springframework.context.annotation.Configuration;

/** An application's own configuration class, named as users name theirs: its bean is {@code tokenHookConfig}. */
@Configuration(proxyBeanMethods = false)
public class TokenHookConfig {
}
