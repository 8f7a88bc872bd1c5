package com.pulse.spc.product;

import com.pulse.identity.Caller;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/spc/products}: create, read, list, change the specification. */
@RestController
@RequestMapping("/api/spc/products")
class ProductController {

  private final ProductService service;
  private final ProductRepository products;

  ProductController(ProductService service, ProductRepository products) {
    this.service = service;
    this.products = products;
  }

  @PostMapping
  ResponseEntity<Product> create(@Valid @RequestBody ProductRequest request, Caller user) {
    SpcAccess.requireManage(user, "create products");
    Product product = service.create(request, user);
    return ResponseEntity.created(URI.create("/api/spc/products/" + product.id())).eTag(product.etag())
        .body(product);
  }

  @GetMapping
  ProductList list(Caller user) {
    SpcAccess.requireRead(user);
    List<Product> all = products.findAll();
    return new ProductList(all, all.size());
  }

  @GetMapping("/{id}")
  ResponseEntity<Product> get(@PathVariable long id, Caller user) {
    SpcAccess.requireRead(user);
    Product product = products.find(id).orElseThrow(() -> SpcProblems.productNotFound(id));
    return ResponseEntity.ok().eTag(product.etag()).body(product);
  }

  @PutMapping("/{id}/spec")
  ResponseEntity<Product> changeSpec(@PathVariable long id, @RequestBody SpecRequest spec,
      @RequestHeader(name = "If-Match", required = false) String ifMatch, Caller user) {
    SpcAccess.requireManage(user, "change specifications");
    Product product = service.changeSpec(id, spec, IfMatch.parse(ifMatch));
    return ResponseEntity.ok().eTag(product.etag()).body(product);
  }

  record ProductList(List<Product> items, long totalItems) {}
}
