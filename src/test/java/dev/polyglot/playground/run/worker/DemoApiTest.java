package dev.polyglot.playground.run.worker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The demo API's routes, as its documentation names them. */
class DemoApiTest {
  @Test
  void aUserAndTheirPostsWithOrWithoutATrailingSlash() {
    assertThat(DemoApi.Route.of("/api/users/1")).isEqualTo(new DemoApi.Route("1", false));
    assertThat(DemoApi.Route.of("/api/users/12/")).isEqualTo(new DemoApi.Route("12", false));
    assertThat(DemoApi.Route.of("/api/users/3/posts")).isEqualTo(new DemoApi.Route("3", true));
    assertThat(DemoApi.Route.of("/api/users/3/posts/")).isEqualTo(new DemoApi.Route("3", true));
  }

  @Test
  void anythingElseIsNoUserRoute() {
    for (String path :
        new String[] {
          "/api/users",
          "/api/users/",
          "/api/users//",
          "/api/users/x",
          "/api/users/1//",
          "/api/users/1/comments",
          "/api/users/posts",
          "/api/users/1x/posts",
          "/api/users/٣",
          "/api/user/1",
          "/api/users/1/posts//"
        }) {
      assertThat(DemoApi.Route.of(path)).as(path).isNull();
    }
  }
}
