package dev.tokenhook.spring;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** A Boot application with nothing of its own: everything comes from auto-configuration. No scanning. */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
class TestHookApplication {
}
