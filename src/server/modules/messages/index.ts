// The public face of messages: internal customer messages (documentation, no replies).
export { createMessagesService, type MessagesService } from './service';
export { mayEnterFor, blockPolicyOf } from './policy';
export { messageForBoard, type BoardMessage } from './read-model';
export { insertMessageRows, type NewMessageRow } from './bulk';
