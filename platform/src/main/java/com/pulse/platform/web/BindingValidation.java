package com.pulse.platform.web;

import org.springframework.boot.validation.autoconfigure.ValidatorAdapter;
import org.springframework.validation.Validator;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Lets every bad query parameter be named at once. When a record is bound from the request and one of its
 * parameters cannot be converted ({@code status=DONE}), Spring validates the others one by one
 * ({@code SmartValidator.validateValue}); Spring Boot's MVC validator, a {@link ValidatorAdapter}, does not pass that
 * call on, so {@code size=1000} beside it went unnamed. Binders use the Bean Validation validator the adapter wraps,
 * which does.
 */
@ControllerAdvice
class BindingValidation {

  @InitBinder
  void validateEachArgument(WebDataBinder binder) {
    binder.replaceValidators(binder.getValidators().stream()
        .map(validator -> validator instanceof ValidatorAdapter adapter ? adapter.getTarget() : validator)
        .toArray(Validator[]::new));
  }
}
