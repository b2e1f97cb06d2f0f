package dev.tokenhook.core;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBase;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import java.io.IOException;

/**
 * Lets a part of the request that should be an object ({@code data.context.session}...) be anything else: it
 * is then left out of the model and reported ({@link Leftovers}) instead of refusing the request.
 */
final class LenientShape extends DelegatingDeserializer {

    private static final long serialVersionUID = 1L;

    LenientShape(JsonDeserializer<?> object) {
        super(object);
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
        return new LenientShape(newDelegatee);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        return Leftovers.isObject(p, ctxt) ? _delegatee.deserialize(p, ctxt) : null;
    }

    /**
     * Wraps the deserializer of every bean (the request's parts) in a {@link LenientShape}, and the whole
     * request's in a {@link Root}.
     */
    static final class Everywhere extends BeanDeserializerModifier {
        private static final long serialVersionUID = 1L;

        @Override
        public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                JsonDeserializer<?> deserializer) {
            if (!(deserializer instanceof BeanDeserializerBase)) {
                return deserializer;
            }
            return description.getBeanClass() == RequestBody.class ? new Root(deserializer)
                    : new LenientShape(deserializer);
        }
    }

    /** The whole request (an object: the decoder checks first); gets the call's {@link Leftovers} at its end. */
    static final class Root extends DelegatingDeserializer {
        private static final long serialVersionUID = 1L;

        Root(JsonDeserializer<?> body) {
            super(body);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
            return new Root(newDelegatee);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            RequestBody body = (RequestBody) _delegatee.deserialize(p, ctxt);
            body.leftovers = Leftovers.found(ctxt);
            return body;
        }
    }
}
