package dev.hoist.api.web;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Registers the argument resolvers (the {@code Caller} of a request) with Spring MVC. */
@Configuration
class WebConfig implements WebMvcConfigurer {
  private final List<HandlerMethodArgumentResolver> resolvers;

  WebConfig(List<HandlerMethodArgumentResolver> resolvers) {
    this.resolvers = resolvers;
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> list) {
    list.addAll(resolvers);
  }
}
