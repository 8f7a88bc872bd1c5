package com.pulse.spc.chart;

import com.pulse.identity.Caller;
import com.pulse.spc.product.ProductRepository;
import com.pulse.spc.product.SpcAccess;
import com.pulse.spc.product.SpcProblems;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/spc/products/{id}/capability}: run an analysis, read the latest. */
@RestController
@RequestMapping("/api/spc/products/{id}/capability")
class CapabilityController {

  private final CapabilityService service;
  private final CapabilityStore analyses;
  private final ProductRepository products;

  CapabilityController(CapabilityService service, CapabilityStore analyses, ProductRepository products) {
    this.service = service;
    this.analyses = analyses;
    this.products = products;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  CapabilityResult analyze(@PathVariable long id, @Valid @RequestBody(required = false) CapabilityRequest request,
      Caller user) {
    SpcAccess.requireManage(user, "run capability analyses");
    return service.analyze(id, request == null ? new CapabilityRequest(null, null) : request, user);
  }

  @GetMapping
  CapabilityResult latest(@PathVariable long id, Caller user) {
    SpcAccess.requireRead(user);
    products.find(id).orElseThrow(() -> SpcProblems.productNotFound(id));
    return analyses.latest(id).orElseThrow(() -> SpcProblems.notFound("A capability analysis of product " + id));
  }
}
